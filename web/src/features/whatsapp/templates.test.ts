import { describe, expect, it } from 'vitest';
import {
  componentText,
  highestPlaceholder,
  isApproved,
  placeholderCount,
  previewSegments,
  renderTemplateText,
  templateButtons,
  templateStatusTone,
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

describe('placeholders', () => {
  it('counts distinct placeholders like the server', () => {
    expect(placeholderCount('Hi {{1}}, order {{2}}, bye {{1}}')).toBe(2);
    expect(placeholderCount('No variables')).toBe(0);
    expect(placeholderCount('Spaces {{ 1 }}')).toBe(1);
    expect(highestPlaceholder('a {{1}} b {{3}}')).toBe(3);
    expect(highestPlaceholder('none')).toBe(0);
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
