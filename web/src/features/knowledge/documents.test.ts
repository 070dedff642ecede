import { describe, expect, it } from 'vitest';
import {
  checkDocumentFile,
  formatFileSize,
  collectionsOf,
  type KnowledgeDocument,
  kindLabel,
  MAX_UPLOAD_BYTES,
  pendingReplacements,
  POLL_INTERVAL_MS,
  pollInterval,
  statusBadge,
} from './documents';

function doc(overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return {
    id: 'd1',
    filename: 'faq.pdf',
    collection: null,
    kind: 'pdf',
    size: 1000,
    status: 'ready',
    error_code: null,
    error_message: null,
    pages: 1,
    chunk_count: 3,
    replaces_id: null,
    created_at: '2026-11-25T10:00:00Z',
    ready_at: '2026-11-25T10:00:02Z',
    ...overrides,
  };
}

describe('checkDocumentFile', () => {
  it('accepts the document types up to the 20 MB limit', () => {
    for (const name of ['faq.pdf', 'Policy.DOCX', 'prices.csv', 'notes.txt', 'README.md', 'guide.markdown']) {
      expect(checkDocumentFile({ name, size: 10 })).toEqual({ ok: true });
    }
    expect(checkDocumentFile({ name: 'big.pdf', size: MAX_UPLOAD_BYTES })).toEqual({ ok: true });
  });

  it('refuses a file over the limit, an empty file and another type', () => {
    expect(checkDocumentFile({ name: 'big.pdf', size: MAX_UPLOAD_BYTES + 1 })).toEqual({ ok: false, reason: 'size', maxBytes: MAX_UPLOAD_BYTES });
    expect(checkDocumentFile({ name: 'empty.txt', size: 0 })).toEqual({ ok: false, reason: 'empty' });
    expect(checkDocumentFile({ name: 'photo.jpg', size: 10 })).toEqual({ ok: false, reason: 'type', extension: 'jpg' });
    expect(checkDocumentFile({ name: 'no-extension', size: 10 })).toEqual({ ok: false, reason: 'type', extension: '' });
  });

  it('uses the limit it is given', () => {
    expect(checkDocumentFile({ name: 'a.pdf', size: 11 }, 10)).toMatchObject({ ok: false, reason: 'size', maxBytes: 10 });
  });
});

describe('statusBadge', () => {
  it('maps each status to a tone, a label and a spinner while processing', () => {
    expect(statusBadge('processing')).toEqual({ tone: 'warning', labelKey: 'knowledge.status.processing', isBusy: true });
    expect(statusBadge('ready')).toEqual({ tone: 'accent', labelKey: 'knowledge.status.ready', isBusy: false });
    expect(statusBadge('failed')).toEqual({ tone: 'danger', labelKey: 'knowledge.status.failed', isBusy: false });
  });
});

describe('pollInterval', () => {
  it('polls only while a document is processing', () => {
    expect(pollInterval(undefined)).toBe(false);
    expect(pollInterval([])).toBe(false);
    expect(pollInterval([doc(), doc({ id: 'd2', status: 'failed' })])).toBe(false);
    expect(pollInterval([doc(), doc({ id: 'd2', status: 'processing' })])).toBe(POLL_INTERVAL_MS);
    expect(POLL_INTERVAL_MS).toBe(1500);
  });
});

describe('pendingReplacements', () => {
  it('links an old document to its new version only while that is processing', () => {
    const old = doc({ id: 'old' });
    const next = doc({ id: 'new', status: 'processing', replaces_id: 'old' });
    expect(pendingReplacements([next, old]).get('old')).toBe(next);
    expect(pendingReplacements([{ ...next, status: 'failed' }, old]).size).toBe(0);
  });
});

describe('kindLabel and collectionsOf', () => {
  it('names the kinds and lists collections once, sorted', () => {
    expect(kindLabel('pdf')).toBe('PDF');
    expect(kindLabel('markdown')).toBe('Markdown');
    expect(kindLabel(null)).toBeNull();
    expect(collectionsOf([doc({ collection: 'Returns' }), doc({ collection: 'Delivery' }), doc({ collection: 'Returns' }), doc()])).toEqual([
      'Delivery',
      'Returns',
    ]);
  });
});

describe('formatFileSize', () => {
  it('shows kilobytes for small documents and megabytes for big ones', () => {
    expect(formatFileSize(787, 'en')).toBe('0.8 kB');
    expect(formatFileSize(33, 'en')).toBe('0.1 kB');
    expect(formatFileSize(340 * 1024, 'en')).toBe('340 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
  });
});
