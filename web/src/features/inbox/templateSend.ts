import type { TemplateSend, TemplateVariableRead } from '@/api';

export type TemplateVariable = TemplateVariableRead;
type TemplateWithVariables = { id: string; variables: readonly TemplateVariable[] };

/** One form field per request field: a named variable used in both header and body is asked once. */
export function templateFields(template: TemplateWithVariables): TemplateVariable[] {
  const seen = new Set<string>();
  return template.variables.filter((variable) => !seen.has(variable.field) && seen.add(variable.field));
}

/** The send request: each value goes where its variable's `field` says (variables.0, named_variables.x …). */
export function buildTemplateSend(template: TemplateWithVariables, values: readonly string[]): TemplateSend {
  const body: TemplateSend & { variables: string[]; header_variables: string[]; button_variables: string[]; named_variables: Record<string, string> } = {
    type: 'template',
    template_id: template.id,
    variables: [],
    header_variables: [],
    named_variables: {},
    button_variables: [],
    button_payloads: [],
  };
  templateFields(template).forEach((variable, index) => {
    const value = (values[index] ?? '').trim();
    const [list, key = ''] = splitField(variable.field);
    if (list === 'named_variables') body.named_variables[key] = value;
    else if (list === 'variables' || list === 'header_variables' || list === 'button_variables') body[list][Number(key)] = value;
  });
  return body;
}

function splitField(field: string): [string, string?] {
  const dot = field.indexOf('.');
  return dot < 0 ? [field] : [field.slice(0, dot), field.slice(dot + 1)];
}

/** Values by name for the preview: numbered variables by their number, named ones by name. */
export function previewValues(fields: readonly TemplateVariable[], values: readonly string[], component: 'header' | 'body'): Record<string, string> {
  const byName: Record<string, string> = {};
  fields.forEach((variable, index) => {
    if (variable.component === component || variable.field.startsWith('named_variables.')) byName[variable.name] = values[index] ?? '';
  });
  return byName;
}

/** Server field errors placed on the form: `named_variables.date` → the date field's index; the rest stay general. */
export function placeFieldErrors(fields: readonly TemplateVariable[], errors: Record<string, string>): { byIndex: Map<number, string>; general: string[] } {
  const byIndex = new Map<number, string>();
  const general: string[] = [];
  for (const [name, message] of Object.entries(errors)) {
    const index = fields.findIndex((variable) => variable.field === name);
    if (index >= 0) byIndex.set(index, message);
    else general.push(message);
  }
  return { byIndex, general };
}
