/** Reading template components and filling their {{1}} or {{customer_name}} placeholders, the way the server does. */

export type TemplateLike = { name: string; components: Array<Record<string, unknown>> };

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

export type ParameterFormat = 'POSITIONAL' | 'NAMED';
export type TemplatePart = 'header' | 'body';

/** Anything between double braces, even a malformed name, so the form can point at it. */
const BRACED = /{{([^{}]*)}}/g;
const NUMBERED_NAME = /^[1-9]\d*$/;
/** What Meta accepts as a named parameter (`param_name`). */
const NAMED_NAME = /^[a-z0-9_]+$/;

/** What is wrong with the variables of a header or body, naming the variable when there is one. */
export type VariableProblem =
  | { kind: 'notNumbered'; placeholder: string }
  | { kind: 'numberInNamed'; placeholder: string }
  | { kind: 'invalidName'; placeholder: string }
  | { kind: 'missingNumber'; placeholder: string }
  | { kind: 'unclosed' }
  | { kind: 'tooMany'; max: number };

function bracedNames(text: string): Array<{ placeholder: string; name: string }> {
  return [...text.matchAll(BRACED)].map((match) => ({ placeholder: match[0], name: match[1]!.trim() }));
}

function isValidName(name: string, format: ParameterFormat): boolean {
  return format === 'NAMED' ? NAMED_NAME.test(name) && !/^\d+$/.test(name) : NUMBERED_NAME.test(name);
}

/**
 * The first problem with the variables of `text` for this parameter format, or null. Numbered
 * templates use {{1}}, {{2}} … without gaps; named ones {{customer_name}} (lower-case letters,
 * digits and underscores). `maxVariables` is 1 for a header, as WhatsApp allows.
 */
export function variableProblem(text: string, format: ParameterFormat, maxVariables = Infinity): VariableProblem | null {
  for (const { placeholder, name } of bracedNames(text)) {
    if (isValidName(name, format)) continue;
    if (format === 'POSITIONAL') return { kind: 'notNumbered', placeholder };
    return /^\d+$/.test(name) ? { kind: 'numberInNamed', placeholder } : { kind: 'invalidName', placeholder };
  }
  if (/{{|}}/.test(text.replace(BRACED, ''))) return { kind: 'unclosed' };
  const names = variableNames(text, format);
  if (format === 'POSITIONAL') {
    const missing = names.findIndex((name, index) => Number(name) !== index + 1);
    if (missing >= 0) return { kind: 'missingNumber', placeholder: `{{${missing + 1}}}` };
  }
  return names.length > maxVariables ? { kind: 'tooMany', max: maxVariables } : null;
}

/** The distinct, well-formed variable names of a text: numbered ones in number order, named ones as first used. */
export function variableNames(text: string, format: ParameterFormat): string[] {
  const names = [...new Set(bracedNames(text).map((found) => found.name))].filter((name) => isValidName(name, format));
  return format === 'POSITIONAL' ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** The next numbered variable ({{3}} after {{1}}, {{2}}), or a named one not used yet (variable_1, variable_2 …). */
export function nextVariableName(text: string, format: ParameterFormat): string {
  const names = variableNames(text, format);
  if (format === 'POSITIONAL') return String(Math.max(0, ...names.map(Number)) + 1);
  let number = 1;
  while (names.includes(`variable_${number}`)) number += 1;
  return `variable_${number}`;
}

/**
 * One example field per variable, header first. A named variable used in both the header and
 * the body is one field (it is one value when sent); a numbered header {{1}} is not the body's {{1}}.
 */
export type ExampleSlot = { key: string; part: TemplatePart; name: string };

export function exampleSlots(texts: Readonly<Record<TemplatePart, string>>, format: ParameterFormat): ExampleSlot[] {
  const slots: ExampleSlot[] = [];
  for (const part of ['header', 'body'] as const) {
    for (const name of variableNames(texts[part], format)) {
      const key = exampleKey(part, name, format);
      if (!slots.some((slot) => slot.key === key)) slots.push({ key, part, name });
    }
  }
  return slots;
}

function exampleKey(part: TemplatePart, name: string, format: ParameterFormat): string {
  return format === 'NAMED' ? name : `${part}:${name}`;
}

/** The examples of one part by variable name ({1: 'Amina'} or {customer_name: 'Amina'}), for the preview. */
export function examplesOf(part: TemplatePart, text: string, format: ParameterFormat, examples: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(variableNames(text, format).map((name) => [name, examples[exampleKey(part, name, format)] ?? '']));
}

export type TemplateDraft = {
  format: ParameterFormat;
  header: string;
  body: string;
  footer: string;
  /** By ExampleSlot key; keys of variables no longer in the text are ignored. */
  examples: Readonly<Record<string, string>>;
};

export type DefinitionComponent = { type: 'HEADER' | 'BODY' | 'FOOTER'; format?: 'TEXT'; text: string; example?: Record<string, unknown> };

/**
 * The `components` of a create request in Meta's definition format: examples as `header_text` /
 * `body_text` for numbered variables, `header_text_named_params` / `body_text_named_params` for
 * named ones. A part gets its examples only when every one of its variables has one.
 */
export function templateComponents(draft: TemplateDraft): DefinitionComponent[] {
  const components: DefinitionComponent[] = [];
  if (draft.header.trim()) components.push({ type: 'HEADER', format: 'TEXT', text: draft.header, ...exampleOf('header', draft) });
  components.push({ type: 'BODY', text: draft.body, ...exampleOf('body', draft) });
  if (draft.footer.trim()) components.push({ type: 'FOOTER', text: draft.footer });
  return components;
}

function exampleOf(part: TemplatePart, draft: TemplateDraft): { example?: Record<string, unknown> } {
  const values = Object.entries(examplesOf(part, draft[part], draft.format, draft.examples)).map(([name, value]) => [name, value.trim()] as const);
  if (values.length === 0 || values.some(([, value]) => !value)) return {};
  const prefix = part === 'header' ? 'header_text' : 'body_text';
  if (draft.format === 'NAMED') return { example: { [`${prefix}_named_params`]: values.map(([name, example]) => ({ param_name: name, example })) } };
  const positional = values.map(([, value]) => value);
  return { example: { [prefix]: part === 'header' ? positional : [positional] } };
}

/**
 * Where a server field error belongs in the form: `components.1.text` is the text of the second
 * component sent (header, body or footer), `components.0.example…` the examples. Messages for
 * the same form field are joined; fields the form does not have are kept under their own name.
 */
export function placeServerErrors(fields: Readonly<Record<string, string>>, sent: readonly { type: string }[]): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const target = formFieldOf(field, sent);
    placed[target] = placed[target] ? `${placed[target]} ${message}` : message;
  }
  return placed;
}

function formFieldOf(field: string, sent: readonly { type: string }[]): string {
  if (field === 'parameter_format') return 'parameterFormat';
  const match = /^components\.(\d+)(?:\.(\w+))?/.exec(field);
  if (!match) return field;
  if (match[2] === 'example') return 'examples';
  const type = sent[Number(match[1])]?.type.toUpperCase();
  return type === 'HEADER' ? 'header' : type === 'FOOTER' ? 'footer' : 'body';
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
