import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { buttonsSchema, listSchema, replyId, toButtonsSend, toListSend } from './interactive';

const t = ((key: string, options?: Record<string, unknown>) => (options?.max ? `${key}:${String(options.max)}` : key)) as unknown as TFunction;

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('reply buttons', () => {
  const schema = buttonsSchema(t);

  it('accepts 1 to 3 different titles of at most 20 characters', () => {
    expect(schema.safeParse({ text: 'Pick', footer: '', buttons: [{ title: 'Track order' }, { title: 'Agent' }] }).success).toBe(true);
  });

  it('names the title that is too long, empty or repeated', () => {
    const result = schema.safeParse({ text: 'Pick', footer: '', buttons: [{ title: 'x'.repeat(21) }, { title: '' }, { title: 'Agent' }] });
    expect(issues(result)).toEqual({ 'buttons.0.title': 'validation.tooLong:20', 'buttons.1.title': 'validation.required' });
    const twins = schema.safeParse({ text: 'Pick', footer: '', buttons: [{ title: 'Yes' }, { title: 'yes ' }] });
    expect(issues(twins)).toEqual({ 'buttons.1.title': 'inbox.interactive.duplicateTitle' });
  });

  it('refuses a fourth button', () => {
    const four = { text: 'Pick', footer: '', buttons: [1, 2, 3, 4].map((n) => ({ title: `B${n}` })) };
    expect(schema.safeParse(four).success).toBe(false);
  });

  it('builds the API body with ids from the titles', () => {
    expect(toButtonsSend({ text: ' Pick ', footer: '', buttons: [{ title: 'Track order' }, { title: 'Ongea na mtu' }] }, 'm1')).toEqual({
      type: 'buttons',
      text: 'Pick',
      footer: null,
      buttons: [
        { id: 'track_order_1', title: 'Track order' },
        { id: 'ongea_na_mtu_2', title: 'Ongea na mtu' },
      ],
      reply_to_message_id: 'm1',
    });
    expect(replyId('Été ✨', 0)).toBe('ete_1');
  });
});

describe('lists', () => {
  const schema = listSchema(t);
  const row = (title: string) => ({ title, description: '' });

  it('checks row titles (24), descriptions (72) and section titles when there are several', () => {
    const result = schema.safeParse({
      text: 'Choose',
      header: '',
      footer: '',
      button: 'Options',
      sections: [
        { title: '', rows: [{ title: 'x'.repeat(25), description: 'd'.repeat(73) }] },
        { title: 'Pick-up', rows: [row('CBD')] },
      ],
    });
    expect(issues(result)).toEqual({
      'sections.0.rows.0.title': 'validation.tooLong:24',
      'sections.0.rows.0.description': 'validation.tooLong:72',
      'sections.0.title': 'inbox.interactive.sectionTitleNeeded',
    });
    const untitled = schema.safeParse({ text: 'Choose', header: '', footer: '', button: 'Options', sections: [{ title: '', rows: [row('A')] }, { title: 'B', rows: [row('B')] }] });
    expect(issues(untitled)).toEqual({ 'sections.0.title': 'inbox.interactive.sectionTitleNeeded' });
  });

  it('allows at most 10 rows in all', () => {
    const rows = Array.from({ length: 6 }, (_, n) => row(`Row ${n}`));
    const eleven = { text: 'Choose', header: '', footer: '', button: 'Options', sections: [{ title: 'A', rows }, { title: 'B', rows: rows.slice(1).map((r) => ({ ...r, title: `${r.title}b` })) }] };
    expect(issues(schema.safeParse(eleven))).toEqual({ sections: 'inbox.interactive.tooManyRows' });
  });

  it('builds the API body with unique row ids', () => {
    const body = toListSend({ text: 'Choose', header: '', footer: '', button: 'Options', sections: [{ title: '', rows: [row('Express'), row('Standard')] }] }, null);
    expect(body.sections).toEqual([{ title: null, rows: [{ id: 'express_1', title: 'Express', description: null }, { id: 'standard_2', title: 'Standard', description: null }] }]);
  });
});
