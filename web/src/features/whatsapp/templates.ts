/** Reading template components and filling their {{n}} placeholders, the way the server does. */

export type TemplateLike = { name: string; components: Array<Record<string, unknown>> };

const PLACEHOLDER = /{{\s*(\d+)\s*}}/g;

export function componentText(template: TemplateLike, type: 'HEADER' | 'BODY' | 'FOOTER'): string {
  const component = template.components.find((item) => String(item.type ?? '').toUpperCase() === type);
  return typeof component?.text === 'string' ? component.text : '';
}

export type TemplateButton = { type: string; text: string };

export function templateButtons(template: TemplateLike): TemplateButton[] {
  const component = template.components.find((item) => String(item.type ?? '').toUpperCase() === 'BUTTONS');
  const buttons = Array.isArray(component?.buttons) ? (component.buttons as unknown[]) : [];
  return buttons.flatMap((button) => {
    if (typeof button !== 'object' || button === null) return [];
    const { type, text } = button as Record<string, unknown>;
    return typeof text === 'string' ? [{ type: String(type ?? ''), text }] : [];
  });
}

/** How many different placeholders a text has ({{1}} twice counts once), as the server counts them. */
export function placeholderCount(text: string): number {
  return new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1])).size;
}

/** The highest placeholder number, so the form asks for every variable up to it. */
export function highestPlaceholder(text: string): number {
  return Math.max(0, ...[...text.matchAll(PLACEHOLDER)].map((match) => Number(match[1])));
}

export type PreviewSegment = { text: string; variable?: number; isFilled?: boolean };

/**
 * The text split into literal parts and variables; a variable with a value shows the value, an
 * empty one keeps its {{n}} so the preview shows what is still missing.
 */
export function previewSegments(text: string, variables: readonly string[]): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start) });
    const number = Number(match[1]);
    const value = variables[number - 1];
    const isFilled = value !== undefined && value.trim() !== '';
    segments.push({ text: isFilled ? value : match[0], variable: number, isFilled });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The final text: placeholders replaced by their values (missing ones stay as they are). */
export function renderTemplateText(text: string, variables: readonly string[]): string {
  return previewSegments(text, variables)
    .map((segment) => segment.text)
    .join('');
}

export type TemplateStatusTone = 'accent' | 'warning' | 'danger' | 'neutral';

export function templateStatusTone(status: string): TemplateStatusTone {
  switch (status.toUpperCase()) {
    case 'APPROVED':
      return 'accent';
    case 'PENDING':
    case 'IN_APPEAL':
    case 'PAUSED':
      return 'warning';
    case 'REJECTED':
    case 'DISABLED':
      return 'danger';
    default:
      return 'neutral';
  }
}

export function isApproved(template: { status: string }): boolean {
  return template.status.toUpperCase() === 'APPROVED';
}

/**
 * Why the inbox cannot send a template (yet): the send API takes body, header and quick-reply
 * values only, so a link button with a variable, or named {{customer_name}} variables, would be
 * refused by WhatsApp.
 */
export type TemplateLimitation = 'urlButtonVariable' | 'namedVariables';

const NAMED_PLACEHOLDER = /{{\s*[A-Za-z_]\w*\s*}}/;

export function templateLimitation(template: TemplateLike): TemplateLimitation | null {
  const buttons = template.components.find((item) => String(item.type ?? '').toUpperCase() === 'BUTTONS');
  for (const button of Array.isArray(buttons?.buttons) ? (buttons.buttons as unknown[]) : []) {
    const { type, url } = (typeof button === 'object' && button !== null ? button : {}) as Record<string, unknown>;
    if (String(type ?? '').toUpperCase() === 'URL' && typeof url === 'string' && url.includes('{{')) return 'urlButtonVariable';
  }
  if (NAMED_PLACEHOLDER.test(componentText(template, 'BODY')) || NAMED_PLACEHOLDER.test(componentText(template, 'HEADER'))) return 'namedVariables';
  return null;
}
