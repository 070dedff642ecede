import { describe, expect, it } from 'vitest';
import { buildTemplateSend, placeFieldErrors, previewValues, templateFields, type TemplateVariable } from './templateSend';

function variable(overrides: Partial<TemplateVariable>): TemplateVariable {
  return { component: 'body', name: '1', field: 'variables.0', example: null, max_length: 1024, button_index: null, button_text: null, url_prefix: null, ...overrides };
}

const named = {
  id: 't1',
  variables: [
    variable({ component: 'header', name: 'customer_name', field: 'named_variables.customer_name', max_length: 60 }),
    variable({ name: 'customer_name', field: 'named_variables.customer_name' }),
    variable({ name: 'date', field: 'named_variables.date', example: '25 Nov' }),
  ],
};
const linked = {
  id: 't2',
  variables: [
    variable({}),
    variable({ name: '2', field: 'variables.1' }),
    variable({ component: 'button', field: 'button_variables.0', button_index: 1, button_text: 'Open order', url_prefix: 'https://shop.example/o/' }),
  ],
};

describe('template send', () => {
  it('asks once for a named variable used in header and body', () => {
    expect(templateFields(named).map((v) => v.field)).toEqual(['named_variables.customer_name', 'named_variables.date']);
  });

  it('puts named values by name', () => {
    expect(buildTemplateSend(named, [' Wanjiru ', 'Friday'])).toMatchObject({
      type: 'template',
      template_id: 't1',
      named_variables: { customer_name: 'Wanjiru', date: 'Friday' },
      variables: [],
      button_variables: [],
    });
  });

  it('puts numbered and link values in order', () => {
    expect(buildTemplateSend(linked, ['Amina', 'A1023', 'A1023'])).toMatchObject({ variables: ['Amina', 'A1023'], button_variables: ['A1023'], named_variables: {} });
  });

  it('fills the preview by name or number', () => {
    const fields = templateFields(named);
    expect(previewValues(fields, ['Wanjiru', 'Friday'], 'body')).toEqual({ customer_name: 'Wanjiru', date: 'Friday' });
    expect(previewValues(templateFields(linked), ['Amina', 'A1', 'x'], 'body')).toEqual({ 1: 'Amina', 2: 'A1' });
  });

  it('places server errors on their field', () => {
    const { byIndex, general } = placeFieldErrors(templateFields(named), { 'named_variables.date': 'The body variable {{date}} is empty.', button_variables: 'Wrong count' });
    expect(byIndex.get(1)).toContain('{{date}}');
    expect(general).toEqual(['Wrong count']);
  });
});
