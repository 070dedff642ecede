import { describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES, checkAttachment } from './attachments';

describe('checkAttachment', () => {
  it('sorts files into WhatsApp message kinds', () => {
    expect(checkAttachment({ type: 'image/jpeg', size: 1000 })).toEqual({ ok: true, kind: 'image' });
    expect(checkAttachment({ type: 'application/pdf', size: 1000 })).toEqual({ ok: true, kind: 'document' });
    expect(checkAttachment({ type: 'audio/ogg; codecs=opus', size: 1000 })).toEqual({ ok: true, kind: 'audio' });
    expect(checkAttachment({ type: 'image/webp', size: 1000 })).toEqual({ ok: true, kind: 'sticker' });
  });

  it('refuses what WhatsApp would refuse', () => {
    expect(checkAttachment({ type: 'image/gif', size: 1000 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ type: '', size: 1000 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ type: 'image/png', size: 0 })).toEqual({ ok: false, reason: 'empty' });
    expect(checkAttachment({ type: 'image/png', size: 6 * 1024 * 1024 })).toEqual({ ok: false, reason: 'size', kind: 'image', maxBytes: 5 * 1024 * 1024 });
    expect(checkAttachment({ type: 'image/webp', size: 600 * 1024 })).toMatchObject({ ok: false, reason: 'size', kind: 'sticker' });
  });

  it('lists the accepted types for the file picker', () => {
    expect(ACCEPTED_TYPES).toContain('image/jpeg');
    expect(ACCEPTED_TYPES).toContain('application/pdf');
  });
});
