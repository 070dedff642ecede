import { describe, expect, it } from 'vitest';
import {
  componentText,
  examplesOf,
  exampleSlots,
  isApproved,
  nextVariableName,
  placeServerErrors,
  previewSegments,
  renderTemplateText,
  templateButtons,
  templateComponents,
  templateStatusTone,
  variableNames,
  variableProblem,
} from './templates';

const orderUpdate = {
  name: 'order_update',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} is on its way. Thanks, {{1}}!' },
    { type: 'FOOTER', text: 'Duka Demo' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track' }, { type: 'URL', text: 'Open', url: 'https://x' }, 'bad'] },
  ],
};

describe('template components', () => {
  it('reads body, header and footer text', () => {
    expect(componentText(orderUpdate, 'BODY')).toContain('your order {{2}}');
    expect(componentText(orderUpdate, 'HEADER')).toBe('Order {{1}}');
    expect(componentText(orderUpdate, 'FOOTER')).toBe('Duka Demo');
    expect(componentText({ name: 'x', components: [] }, 'BODY')).toBe('');
  });

  it('reads buttons and skips malformed ones', () => {
    expect(templateButtons(orderUpdate)).toEqual([
      { type: 'QUICK_REPLY', text: 'Track' },
      { type: 'URL', text: 'Open' },
    ]);
  });

  it('matches the lower-case component types the API may return', () => {
    expect(componentText({ name: 'x', components: [{ type: 'body', text: 'hello' }] }, 'BODY')).toBe('hello');
  });
});

describe('variables of a template being written', () => {
  it('lists numbered variables in number order, once each', () => {
    expect(variableNames('Hi {{2}}, order {{1}}, bye {{ 2 }}', 'POSITIONAL')).toEqual(['1', '2']);
    expect(variableNames('No variables', 'POSITIONAL')).toEqual([]);
  });

  it('lists named variables as first used, skipping malformed ones', () => {
    expect(variableNames('{{order_id}} for {{customer_name}}, {{order_id}} {{Bad Name}}', 'NAMED')).toEqual(['order_id', 'customer_name']);
  });

  it('accepts numbered variables without gaps and well-formed names', () => {
    expect(variableProblem('Hi {{1}}, your order {{2}} is ready, {{1}}.', 'POSITIONAL')).toBeNull();
    expect(variableProblem('Hi {{customer_name}}, order {{order_2}}.', 'NAMED')).toBeNull();
    expect(variableProblem('Plain text', 'NAMED')).toBeNull();
  });

  it('names the missing number of a numbered template', () => {
    expect(variableProblem('Hi {{1}}, your order {{3}}', 'POSITIONAL')).toEqual({ kind: 'missingNumber', placeholder: '{{2}}' });
    expect(variableProblem('Order {{2}}', 'POSITIONAL')).toEqual({ kind: 'missingNumber', placeholder: '{{1}}' });
  });

  it('names a variable that does not fit the chosen format', () => {
    expect(variableProblem('Hi {{customer_name}}', 'POSITIONAL')).toEqual({ kind: 'notNumbered', placeholder: '{{customer_name}}' });
    expect(variableProblem('Hi {{0}}', 'POSITIONAL')).toEqual({ kind: 'notNumbered', placeholder: '{{0}}' });
    expect(variableProblem('Hi {{1}}', 'NAMED')).toEqual({ kind: 'numberInNamed', placeholder: '{{1}}' });
  });

  it('names a malformed named variable', () => {
    expect(variableProblem('Hi {{Customer Name}}', 'NAMED')).toEqual({ kind: 'invalidName', placeholder: '{{Customer Name}}' });
    expect(variableProblem('Hi {{customer-name}}', 'NAMED')).toEqual({ kind: 'invalidName', placeholder: '{{customer-name}}' });
    expect(variableProblem('Hi {{}}', 'NAMED')).toEqual({ kind: 'invalidName', placeholder: '{{}}' });
  });

  it('finds a variable left open', () => {
    expect(variableProblem('Hi {{customer_name}, welcome', 'NAMED')).toEqual({ kind: 'unclosed' });
    expect(variableProblem('Hi 1}}', 'POSITIONAL')).toEqual({ kind: 'unclosed' });
  });

  it('allows a header one variable', () => {
    expect(variableProblem('Order {{order_id}}', 'NAMED', 1)).toBeNull();
    expect(variableProblem('{{1}} {{2}}', 'POSITIONAL', 1)).toEqual({ kind: 'tooMany', max: 1 });
  });

  it('suggests the next variable to insert', () => {
    expect(nextVariableName('Hi {{1}}, {{2}}', 'POSITIONAL')).toBe('3');
    expect(nextVariableName('', 'POSITIONAL')).toBe('1');
    expect(nextVariableName('Hi {{variable_1}}', 'NAMED')).toBe('variable_2');
  });
});

describe('example fields', () => {
  it('asks once for a named variable used in the header and the body', () => {
    expect(exampleSlots({ header: 'Order {{order_id}}', body: 'Hi {{customer_name}}, {{order_id}} is ready.' }, 'NAMED')).toEqual([
      { key: 'order_id', part: 'header', name: 'order_id' },
      { key: 'customer_name', part: 'body', name: 'customer_name' },
    ]);
  });

  it('keeps a numbered header variable apart from the body one', () => {
    expect(exampleSlots({ header: 'Order {{1}}', body: 'Hi {{1}}' }, 'POSITIONAL').map((slot) => slot.key)).toEqual(['header:1', 'body:1']);
  });

  it('follows renamed variables: an example stays with its name', () => {
    const examples = { customer_name: 'Amina', old_name: 'x' };
    expect(examplesOf('body', 'Hi {{customer_name}}, {{date}}', 'NAMED', examples)).toEqual({ customer_name: 'Amina', date: '' });
  });
});

describe('the create request', () => {
  it('sends named examples the way Meta defines them', () => {
    const components = templateComponents({
      format: 'NAMED',
      header: 'Order {{order_id}}',
      body: 'Hi {{customer_name}}, order {{order_id}} is ready.',
      footer: 'Duka',
      examples: { customer_name: ' Amina ', order_id: 'A1023' },
    });
    expect(components).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}', example: { header_text_named_params: [{ param_name: 'order_id', example: 'A1023' }] } },
      {
        type: 'BODY',
        text: 'Hi {{customer_name}}, order {{order_id}} is ready.',
        example: {
          body_text_named_params: [
            { param_name: 'customer_name', example: 'Amina' },
            { param_name: 'order_id', example: 'A1023' },
          ],
        },
      },
      { type: 'FOOTER', text: 'Duka' },
    ]);
  });

  it('sends numbered examples in number order', () => {
    const [header, body] = templateComponents({
      format: 'POSITIONAL',
      header: 'Order {{1}}',
      body: 'Your order {{2}} for {{1}}.',
      footer: '',
      examples: { 'header:1': 'A1', 'body:1': 'Amina', 'body:2': 'A1023' },
    });
    expect(header?.example).toEqual({ header_text: ['A1'] });
    expect(body?.example).toEqual({ body_text: [['Amina', 'A1023']] });
  });

  it('leaves out the examples of a part with one missing, and empty header and footer', () => {
    const components = templateComponents({ format: 'NAMED', header: ' ', body: 'Hi {{a}} {{b}}', footer: '', examples: { a: 'x', b: ' ' } });
    expect(components).toEqual([{ type: 'BODY', text: 'Hi {{a}} {{b}}' }]);
  });

  it('places server field errors on the form field they are about', () => {
    const sent = [{ type: 'HEADER' }, { type: 'BODY' }, { type: 'FOOTER' }];
    expect(
      placeServerErrors(
        {
          'components.1.text': 'Too long.',
          'components.0.text': 'Bad header.',
          'components.1.example.body_text_named_params': 'Missing example.',
          parameter_format: 'Unknown format.',
          name: 'Taken.',
          components: 'A template needs a BODY component.',
        },
        sent,
      ),
    ).toEqual({
      body: 'Too long.',
      header: 'Bad header.',
      examples: 'Missing example.',
      parameterFormat: 'Unknown format.',
      name: 'Taken.',
      components: 'A template needs a BODY component.',
    });
    expect(placeServerErrors({ 'components.2.text': 'a', 'components.2': 'b' }, sent)).toEqual({ footer: 'a b' });
  });
});

describe('template preview', () => {
  const body = componentText(orderUpdate, 'BODY');

  it('fills every occurrence of a variable', () => {
    expect(renderTemplateText(body, ['Amina', 'A1023'])).toBe('Hi Amina, your order A1023 is on its way. Thanks, Amina!');
  });

  it('keeps missing or blank variables visible as placeholders', () => {
    expect(renderTemplateText(body, ['Amina'])).toBe('Hi Amina, your order {{2}} is on its way. Thanks, Amina!');
    expect(renderTemplateText(body, ['  ', 'A1'])).toBe('Hi {{1}}, your order A1 is on its way. Thanks, {{1}}!');
  });

  it('marks which segments are variables and whether they are filled', () => {
    expect(previewSegments('Hi {{1}}, see {{2}}.', ['Kofi'])).toEqual([
      { text: 'Hi ' },
      { text: 'Kofi', variable: '1', isFilled: true },
      { text: ', see ' },
      { text: '{{2}}', variable: '2', isFilled: false },
      { text: '.' },
    ]);
  });

  it('leaves text without placeholders alone', () => {
    expect(previewSegments('Plain text', [])).toEqual([{ text: 'Plain text' }]);
  });
});

describe('template status', () => {
  it('maps statuses to badge tones', () => {
    expect(templateStatusTone('APPROVED')).toBe('accent');
    expect(templateStatusTone('PENDING')).toBe('warning');
    expect(templateStatusTone('REJECTED')).toBe('danger');
    expect(templateStatusTone('LOCAL')).toBe('neutral');
    expect(isApproved({ status: 'approved' })).toBe(true);
    expect(isApproved({ status: 'PENDING' })).toBe(false);
  });
});

describe('named variables', () => {
  it('fills {{name}} placeholders from values by name', () => {
    const text = 'Hello {{customer_name}}, your delivery is booked for {{ date }}.';
    expect(renderTemplateText(text, { customer_name: 'Wanjiru', date: 'Friday' })).toBe('Hello Wanjiru, your delivery is booked for Friday.');
    expect(previewSegments(text, { customer_name: 'Wanjiru' })[3]).toEqual({ text: '{{ date }}', variable: 'date', isFilled: false });
    expect(renderTemplateText(text, ['Wanjiru'])).toBe(text);
  });
});
