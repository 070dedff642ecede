import type { MediaRead, MessageRead } from '@/api';

/** What a message bubble shows, read from the stored wire content of each WhatsApp type. */
export type MessageView =
  | { kind: 'text'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'reply'; replyType: 'button' | 'list' | 'template_button'; title: string; description: string }
  | { kind: 'media'; mediaType: MediaType; caption: string; media: MediaRead | null; isVoice: boolean }
  | { kind: 'location'; latitude: number; longitude: number; name: string; address: string; mapUrl: string }
  | { kind: 'contacts'; contacts: SharedContact[] }
  | { kind: 'reaction'; emoji: string; targetWamid: string | null }
  | { kind: 'template'; text: string; name: string }
  | { kind: 'buttons'; text: string; buttons: string[]; footer: string }
  | { kind: 'list'; text: string; button: string; rows: string[]; footer: string }
  | { kind: 'order'; text: string; itemCount: number }
  | { kind: 'system'; text: string }
  | { kind: 'unsupported'; originalType: string };

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export type SharedContact = { name: string; phones: string[] };

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function openStreetMapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}

function sharedContacts(content: Json): SharedContact[] {
  return list(content.items).map((item) => {
    const contact = record(item);
    const name = record(contact.name);
    const fullName = text(name.formatted_name) || [text(name.first_name), text(name.last_name)].filter(Boolean).join(' ');
    const phones = list(contact.phones)
      .map((phone) => text(record(phone).phone) || text(record(phone).wa_id))
      .filter(Boolean);
    return { name: fullName, phones };
  });
}

function interactiveParts(content: Json) {
  const interactive = record(content.interactive);
  return {
    interactive,
    body: text(record(interactive.body).text),
    footer: text(record(interactive.footer).text),
    action: record(interactive.action),
  };
}

export function describeMessage(message: Pick<MessageRead, 'direction' | 'type' | 'text' | 'content' | 'media'>): MessageView {
  const content = record(message.content);
  if (message.direction === 'note') return { kind: 'note', text: message.text };

  switch (message.type) {
    case 'text':
      return { kind: 'text', text: message.text || text(content.body) || text(record(content.text).body) };
    case 'interactive': {
      const replyType = text(content.type) === 'list_reply' ? 'list' : 'button';
      const reply = record(content[text(content.type)]);
      return { kind: 'reply', replyType, title: text(reply.title) || message.text, description: text(reply.description) };
    }
    case 'button':
      return { kind: 'reply', replyType: 'template_button', title: text(content.text) || message.text, description: '' };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const wire = message.direction === 'outbound' ? record(content[message.type]) : content;
      return {
        kind: 'media',
        mediaType: message.type,
        caption: message.text || text(wire.caption),
        media: message.media,
        isVoice: Boolean(wire.voice),
      };
    }
    case 'location': {
      const latitude = Number(content.latitude);
      const longitude = Number(content.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { kind: 'text', text: message.text };
      return {
        kind: 'location',
        latitude,
        longitude,
        name: text(content.name),
        address: text(content.address),
        mapUrl: openStreetMapUrl(latitude, longitude),
      };
    }
    case 'contacts':
      return { kind: 'contacts', contacts: sharedContacts(content) };
    case 'reaction': {
      const reaction = message.direction === 'outbound' ? record(content.reaction) : content;
      return { kind: 'reaction', emoji: text(reaction.emoji) || message.text, targetWamid: text(reaction.message_id) || null };
    }
    case 'template':
      return { kind: 'template', text: message.text, name: text(record(content.template).name) };
    case 'buttons': {
      const { body, footer, action } = interactiveParts(content);
      const buttons = list(action.buttons).map((button) => text(record(record(button).reply).title)).filter(Boolean);
      return { kind: 'buttons', text: message.text || body, buttons, footer };
    }
    case 'list': {
      const { body, footer, action } = interactiveParts(content);
      const rows = list(action.sections).flatMap((section) => list(record(section).rows).map((row) => text(record(row).title)));
      return { kind: 'list', text: message.text || body, button: text(action.button), rows: rows.filter(Boolean), footer };
    }
    case 'order':
      return { kind: 'order', text: message.text || text(content.text), itemCount: list(content.product_items).length };
    case 'system':
      return { kind: 'system', text: message.text || text(content.body) };
    case 'unsupported':
      return { kind: 'unsupported', originalType: text(content.original_type) };
    default:
      return message.text ? { kind: 'text', text: message.text } : { kind: 'unsupported', originalType: message.type };
  }
}

export function formatFileSize(bytes: number | null | undefined, locale: string): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '';
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

/** "+254 712 345678"-ish: WhatsApp ids are digits with the country code first. */
export function formatWaId(waId: string): string {
  return /^\d+$/.test(waId) ? `+${waId}` : waId;
}
