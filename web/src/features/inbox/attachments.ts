/** What WhatsApp accepts from a business, as the server checks it (imaradesk/whatsapp/media.py). */

const MB = 1024 * 1024;
const OFFICE = [
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

export const MEDIA_RULES = {
  image: { types: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  audio: { types: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
  video: { types: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  document: { types: ['text/plain', 'application/pdf', ...OFFICE], maxBytes: 100 * MB },
  sticker: { types: ['image/webp'], maxBytes: 500 * 1024 },
} as const;

export type AttachmentKind = keyof typeof MEDIA_RULES;

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind }
  | { ok: false; reason: 'type' }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'size'; kind: AttachmentKind; maxBytes: number };

/** For the file picker's `accept`. */
export const ACCEPTED_TYPES = Object.values(MEDIA_RULES)
  .flatMap((rule) => rule.types)
  .join(',');

/** Checked before uploading, so a file WhatsApp would refuse does not cost the agent's data. */
export function checkAttachment(file: { type: string; size: number }): AttachmentCheck {
  const base = file.type.split(';')[0]!.trim().toLowerCase();
  for (const [kind, rule] of Object.entries(MEDIA_RULES) as [AttachmentKind, (typeof MEDIA_RULES)[AttachmentKind]][]) {
    if (!(rule.types as readonly string[]).includes(base)) continue;
    if (file.size === 0) return { ok: false, reason: 'empty' };
    if (file.size > rule.maxBytes) return { ok: false, reason: 'size', kind, maxBytes: rule.maxBytes };
    return { ok: true, kind };
  }
  return { ok: false, reason: 'type' };
}
