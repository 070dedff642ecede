export { refreshTemplates, type Template, type WhatsAppNumber, useNumbers, useTemplates } from './api';
export {
  componentText,
  isApproved,
  previewSegments,
  renderTemplateText,
  templateButtons,
  templateStatusTone,
  type PreviewSegment,
  type TemplateValues,
} from './templates';
export { TemplatePreview } from './TemplatePreview';
