export { type Template, type WhatsAppNumber, useNumbers, useTemplates } from './api';
export {
  componentText,
  isApproved,
  previewSegments,
  renderTemplateText,
  templateButtons,
  templateLimitation,
  templateStatusTone,
  type PreviewSegment,
  type TemplateLimitation,
} from './templates';
export { TemplatePreview } from './TemplatePreview';
