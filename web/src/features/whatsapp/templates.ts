/** Reading template components and filling their {{1}} or {{customer_name}} placeholders, the way the server does. */

export type TemplateLike = { name: string; components: Array<Record<string, unknown>> };

const PLACEHOLDER = /{{\s*(\d+)\s*}}/g;
/** Numbered {{1}} or named {{customer_name}}: what a template's header and body may hold. */
const ANY_PLACEHOLDER = /{{\s*([A-Za-z0-9_]+)\s*}}/g;

/** Values by position (`['Amina']` fills {{1}}) or by name (`{customer_name: 'Amina'}`). */
export type TemplateValues = readonly string[] | Readonly<Record<string, string>>;

function valueOf(values: TemplateValues, name: string): string | undefined {
  if (Array.isArray(values)) return /^\d+$/.test(name) ? (values as readonly string[])[Number(name) - 1] : undefined;
  return (values as Readonly<Record<string, string>>)[name];
}

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

export type PreviewSegment = { text: string; variable?: string; isFilled?: boolean };

/**
 * The text split into literal parts and variables; a variable with a value shows the value, an
 * empty one keeps its {{n}} (or {{name}}) so the preview shows what is still missing.
 */
export function previewSegments(text: string, values: TemplateValues): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(ANY_PLACEHOLDER)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start) });
    const name = match[1]!;
    const value = valueOf(values, name);
    const isFilled = value !== undefined && value.trim() !== '';
    segments.push({ text: isFilled ? value : match[0], variable: name, isFilled });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The final text: placeholders replaced by their values (missing ones stay as they are). */
export function renderTemplateText(text: string, values: TemplateValues): string {
  return previewSegments(text, values)
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
