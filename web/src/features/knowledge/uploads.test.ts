import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from './documents';
import { isFinished, newUploadItems, progressPercent, uploadsReducer, withFileName } from './uploads';

function ids() {
  let next = 0;
  return () => `u${(next += 1)}`;
}

describe('newUploadItems', () => {
  it('queues the files that pass the checks and keeps the reason for the others', () => {
    const items = newUploadItems(
      [
        { name: 'faq.pdf', size: 1000 },
        { name: 'huge.pdf', size: MAX_UPLOAD_BYTES + 1 },
        { name: 'photo.png', size: 10 },
      ],
      ids(),
    );
    expect(items.map((item) => [item.id, item.state])).toEqual([
      ['u1', 'queued'],
      ['u2', 'rejected'],
      ['u3', 'rejected'],
    ]);
    expect(items[1]!.rejection).toEqual({ ok: false, reason: 'size', maxBytes: MAX_UPLOAD_BYTES });
    expect(items[2]!.rejection).toMatchObject({ reason: 'type' });
  });
});

describe('uploadsReducer', () => {
  it('follows each file from queued to uploaded or failed, with its own progress', () => {
    let items = uploadsReducer([], { type: 'add', items: newUploadItems([{ name: 'a.pdf', size: 100 }, { name: 'b.txt', size: 100 }], ids()) });
    items = uploadsReducer(items, { type: 'start', id: 'u1' });
    items = uploadsReducer(items, { type: 'progress', id: 'u1', loaded: 150, total: 300 });
    expect(items.map((item) => [item.state, item.percent])).toEqual([
      ['uploading', 50],
      ['queued', 0],
    ]);
    items = uploadsReducer(items, { type: 'uploaded', id: 'u1', documentId: 'd1' });
    expect(items[0]!.documentId).toBe('d1');
    items = uploadsReducer(items, { type: 'failed', id: 'u2', error: 'b.txt is empty.' });
    expect(items.map((item) => [item.state, item.percent, item.error])).toEqual([
      ['uploaded', 100, undefined],
      ['failed', 0, 'b.txt is empty.'],
    ]);
    expect(items.every(isFinished)).toBe(true);
    expect(uploadsReducer(items, { type: 'clearFinished' })).toEqual([]);
  });

  it('dismisses one item and keeps active ones when clearing', () => {
    let items = uploadsReducer([], { type: 'add', items: newUploadItems([{ name: 'a.pdf', size: 1 }, { name: 'b.exe', size: 1 }], ids()) });
    expect(uploadsReducer(items, { type: 'clearFinished' }).map((item) => item.id)).toEqual(['u1']);
    items = uploadsReducer(items, { type: 'dismiss', id: 'u1' });
    expect(items.map((item) => item.id)).toEqual(['u2']);
  });
});

describe('progressPercent and withFileName', () => {
  it('rounds and clamps progress', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(500, 300)).toBe(100);
  });

  it('names the file unless the server already did', () => {
    expect(withFileName('big.pdf', 'big.pdf is 25.0 MB; the limit is 20 MB.')).toBe('big.pdf is 25.0 MB; the limit is 20 MB.');
    expect(withFileName('big.pdf', 'Request body too large.')).toBe('big.pdf: Request body too large.');
  });
});
