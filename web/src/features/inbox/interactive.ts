import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { ButtonsSend, ListSend } from '@/api';

/** WhatsApp's limits for reply buttons and lists (whatsapp-cloud-api.md §4.5–4.6), the same the API checks. */
export const LIMITS = {
  body: 1024,
  header: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  listButton: 20,
  sections: 10,
  sectionTitle: 24,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
} as const;

type Translate = TFunction;

const optional = (max: number, t: Translate) => z.string().trim().max(max, t('validation.tooLong', { max }));
const required = (max: number, t: Translate) => optional(max, t).min(1, t('validation.required'));

function sameTitles(titles: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const twins: number[] = [];
  titles.forEach((title, index) => {
    const key = title.trim().toLowerCase();
    if (!key) return;
    if (seen.has(key)) twins.push(index);
    else seen.set(key, index);
  });
  return twins;
}

export function buttonsSchema(t: Translate) {
  return z
    .object({
      text: required(LIMITS.body, t),
      footer: optional(LIMITS.footer, t),
      buttons: z.array(z.object({ title: required(LIMITS.buttonTitle, t) })).min(1).max(LIMITS.buttons),
    })
    .superRefine((value, context) => {
      for (const index of sameTitles(value.buttons.map((button) => button.title))) {
        context.addIssue({ code: 'custom', path: ['buttons', index, 'title'], message: t('inbox.interactive.duplicateTitle') });
      }
    });
}

export function listSchema(t: Translate) {
  return z
    .object({
      text: required(LIMITS.body, t),
      header: optional(LIMITS.header, t),
      footer: optional(LIMITS.footer, t),
      button: required(LIMITS.listButton, t),
      sections: z
        .array(
          z.object({
            title: optional(LIMITS.sectionTitle, t),
            rows: z.array(z.object({ title: required(LIMITS.rowTitle, t), description: optional(LIMITS.rowDescription, t) })).min(1),
          }),
        )
        .min(1)
        .max(LIMITS.sections),
    })
    .superRefine((value, context) => {
      const rows = value.sections.flatMap((section) => section.rows);
      if (rows.length > LIMITS.rows) context.addIssue({ code: 'custom', path: ['sections'], message: t('inbox.interactive.tooManyRows') });
      if (value.sections.length > 1) {
        value.sections.forEach((section, index) => {
          if (!section.title.trim()) context.addIssue({ code: 'custom', path: ['sections', index, 'title'], message: t('inbox.interactive.sectionTitleNeeded') });
        });
      }
      const positions: [number, number][] = value.sections.flatMap((section, s) => section.rows.map((_, r) => [s, r] as [number, number]));
      for (const index of sameTitles(rows.map((row) => row.title))) {
        const [s, r] = positions[index]!;
        context.addIssue({ code: 'custom', path: ['sections', s, 'rows', r, 'title'], message: t('inbox.interactive.duplicateTitle') });
      }
    });
}

export type ButtonsForm = z.infer<ReturnType<typeof buttonsSchema>>;
export type ListForm = z.infer<ReturnType<typeof listSchema>>;

/** A stable id from a title: what comes back in the customer's button_reply / list_reply. */
export function replyId(title: string, index: number): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return `${slug || 'option'}_${index + 1}`;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export function toButtonsSend(form: ButtonsForm, replyTo: string | null): ButtonsSend {
  return {
    type: 'buttons',
    text: form.text.trim(),
    footer: orNull(form.footer),
    buttons: form.buttons.map((button, index) => ({ id: replyId(button.title, index), title: button.title.trim() })),
    reply_to_message_id: replyTo,
  };
}

export function toListSend(form: ListForm, replyTo: string | null): ListSend {
  let counter = 0;
  return {
    type: 'list',
    text: form.text.trim(),
    header: orNull(form.header),
    footer: orNull(form.footer),
    button: form.button.trim(),
    sections: form.sections.map((section) => ({
      title: orNull(section.title),
      rows: section.rows.map((row) => ({ id: replyId(row.title, counter++), title: row.title.trim(), description: orNull(row.description) })),
    })),
    reply_to_message_id: replyTo,
  };
}
