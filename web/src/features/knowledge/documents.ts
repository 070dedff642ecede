import type { DocumentRead, DocumentStatus } from '@/api';

export type KnowledgeDocument = DocumentRead;

const MB = 1024 * 1024;

/** The server's default limit (knowledge.max_upload_bytes); it checks again and has the last word. */
export const MAX_UPLOAD_BYTES = 20 * MB;

/** What the server reads; it detects the real type from the bytes, whatever the extension says. */
export const ACCEPTED_EXTENSIONS = ['pdf', 'docx', 'txt', 'text', 'csv', 'tsv', 'md', 'markdown'] as const;

/** For the file picker's `accept`. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export type FileCheck =
  | { ok: true }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'type'; extension: string }
  | { ok: false; reason: 'size'; maxBytes: number };

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Checked before uploading, so a file the server would refuse does not cost the admin's data. */
export function checkDocumentFile(file: { name: string; size: number }, maxBytes: number = MAX_UPLOAD_BYTES): FileCheck {
  const extension = extensionOf(file.name);
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) return { ok: false, reason: 'type', extension };
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > maxBytes) return { ok: false, reason: 'size', maxBytes };
  return { ok: true };
}

export type StatusBadge = { tone: 'warning' | 'accent' | 'danger'; labelKey: `knowledge.status.${DocumentStatus}`; isBusy: boolean };

export function statusBadge(status: DocumentStatus): StatusBadge {
  switch (status) {
    case 'processing':
      return { tone: 'warning', labelKey: 'knowledge.status.processing', isBusy: true };
    case 'ready':
      return { tone: 'accent', labelKey: 'knowledge.status.ready', isBusy: false };
    case 'failed':
      return { tone: 'danger', labelKey: 'knowledge.status.failed', isBusy: false };
  }
}

export const POLL_INTERVAL_MS = 1500;

/** Poll the list only while something is being ingested; otherwise nothing changes on its own. */
export function pollInterval(documents: readonly Pick<KnowledgeDocument, 'status'>[] | undefined): number | false {
  return documents?.some((document) => document.status === 'processing') ? POLL_INTERVAL_MS : false;
}

const KIND_LABELS: Record<string, string> = { pdf: 'PDF', docx: 'DOCX', csv: 'CSV', markdown: 'Markdown', text: 'Text' };

/** The type the server read from the bytes; unknown until it has looked (or when it could not). */
export function kindLabel(kind: string | null): string | null {
  if (!kind) return null;
  return KIND_LABELS[kind] ?? kind.toUpperCase();
}

/**
 * While a new version is processing, the old document keeps answering. Maps the old document's id
 * to its pending replacement, so the list can say so on both rows.
 */
export function pendingReplacements(documents: readonly KnowledgeDocument[]): Map<string, KnowledgeDocument> {
  const pending = new Map<string, KnowledgeDocument>();
  for (const document of documents) {
    if (document.replaces_id && document.status === 'processing') pending.set(document.replaces_id, document);
  }
  return pending;
}

/** Collections in use, for the question panel's filter, sorted and without blanks. */
export function collectionsOf(documents: readonly KnowledgeDocument[]): string[] {
  const names = new Set<string>();
  for (const document of documents) if (document.collection) names.add(document.collection);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** "0.8 kB", "340 kB", "2.5 MB": documents are never small enough for bytes to be the useful unit. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes > 0 ? Math.max(bytes / 1024, 0.1) : 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
