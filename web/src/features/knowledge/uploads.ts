import { checkDocumentFile, type FileCheck } from './documents';

/** One file in the upload panel, from the moment it is picked until it is dismissed. */
export type UploadItem = {
  id: string;
  name: string;
  size: number;
  state: 'rejected' | 'queued' | 'uploading' | 'uploaded' | 'failed' | 'cancelled';
  /** Of the request body, as the browser reports it (0–100). */
  percent: number;
  /** Why the browser refused it before sending anything. */
  rejection?: Exclude<FileCheck, { ok: true }>;
  /** The server's own message when it refused the upload. */
  error?: string;
  /** Once uploaded: the document it became, to follow its processing. */
  documentId?: string;
};

export type UploadAction =
  | { type: 'add'; items: UploadItem[] }
  | { type: 'start'; id: string }
  | { type: 'progress'; id: string; loaded: number; total: number }
  | { type: 'uploaded'; id: string; documentId?: string }
  | { type: 'failed'; id: string; error: string }
  | { type: 'cancelled'; id: string }
  | { type: 'dismiss'; id: string }
  | { type: 'clearFinished' };

/** Checks each picked file; those that pass are queued, the others shown with the reason. */
export function newUploadItems(files: readonly { name: string; size: number }[], makeId: () => string, maxBytes?: number): UploadItem[] {
  return files.map((file) => {
    const check = checkDocumentFile(file, maxBytes);
    const base = { id: makeId(), name: file.name, size: file.size, percent: 0 };
    return check.ok ? { ...base, state: 'queued' } : { ...base, state: 'rejected', rejection: check };
  });
}

export function isFinished(item: UploadItem): boolean {
  return item.state !== 'queued' && item.state !== 'uploading';
}

export function progressPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((loaded / total) * 100)));
}

function update(items: UploadItem[], id: string, change: Partial<UploadItem>): UploadItem[] {
  return items.map((item) => (item.id === id ? { ...item, ...change } : item));
}

export function uploadsReducer(items: UploadItem[], action: UploadAction): UploadItem[] {
  switch (action.type) {
    case 'add':
      return [...items, ...action.items];
    case 'start':
      return update(items, action.id, { state: 'uploading', percent: 0 });
    case 'progress':
      return update(items, action.id, { percent: progressPercent(action.loaded, action.total) });
    case 'uploaded':
      return update(items, action.id, { state: 'uploaded', percent: 100, documentId: action.documentId });
    case 'failed':
      return update(items, action.id, { state: 'failed', error: action.error });
    case 'cancelled':
      return update(items, action.id, { state: 'cancelled' });
    case 'dismiss':
      return items.filter((item) => item.id !== action.id);
    case 'clearFinished':
      return items.filter((item) => !isFinished(item));
  }
}

/** The server's messages usually name the file already ("x.pdf is 25 MB; …"); others get it in front. */
export function withFileName(name: string, message: string): string {
  return message.includes(name) ? message : `${name}: ${message}`;
}
