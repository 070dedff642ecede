/**
 * Unsent composer text, kept in this browser per agent and conversation, so that opening another
 * conversation, going back on a phone or reloading the page does not lose what was typed.
 *
 * Drafts are a convenience: when the browser refuses storage (private mode, quota) they simply
 * live as long as the component. They are forgotten when sent, on sign-out, and after a week.
 */

const PREFIX = 'imaradesk.draft.';
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

interface StoredDraft {
  text: string;
  savedAt: number;
}

const listeners = new Set<() => void>();

/** Called whenever a draft is saved or forgotten, in this tab or another one. */
export function subscribeToDrafts(listener: () => void): () => void {
  listeners.add(listener);
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

function changed(): void {
  for (const listener of listeners) listener();
}

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

function draftKey(memberId: string, conversationId: string): string {
  return `${PREFIX}${memberId}.${conversationId}`;
}

function parse(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { text, savedAt } = value as Record<string, unknown>;
    return typeof text === 'string' && typeof savedAt === 'number' ? { text, savedAt } : null;
  } catch {
    return null;
  }
}

export function readDraft(memberId: string, conversationId: string, now = Date.now(), storage = browserStorage()): string {
  try {
    const draft = parse(storage?.getItem(draftKey(memberId, conversationId)) ?? null);
    return draft && now - draft.savedAt <= DRAFT_MAX_AGE_MS ? draft.text : '';
  } catch {
    return '';
  }
}

/** Saves the text; an empty or blank text removes the draft. Listeners hear only of real changes:
 * opening a conversation without a draft writes nothing and wakes no conversation list. */
export function writeDraft(memberId: string, conversationId: string, text: string, now = Date.now(), storage = browserStorage()): void {
  try {
    const key = draftKey(memberId, conversationId);
    if (text.trim()) storage?.setItem(key, JSON.stringify({ text, savedAt: now } satisfies StoredDraft));
    else if (storage?.getItem(key) !== null) storage?.removeItem(key);
    else return;
  } catch {
    // Full or refused: the draft lives on in the composer until the page closes.
  }
  changed();
}

function draftKeys(storage: DraftStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/** Every agent's drafts in this browser (on sign-out: the next person at this computer must not read them). */
export function forgetDrafts(storage = browserStorage()): void {
  try {
    if (storage) for (const key of draftKeys(storage)) storage.removeItem(key);
  } catch {
    // Nothing more can be done about storage the browser refuses.
  }
  changed();
}

/** Drafts older than a week, from conversations the agent never reopened. */
export function pruneDrafts(now = Date.now(), storage = browserStorage()): void {
  try {
    if (!storage) return;
    for (const key of draftKeys(storage)) {
      const draft = parse(storage.getItem(key));
      if (!draft || now - draft.savedAt > DRAFT_MAX_AGE_MS) storage.removeItem(key);
    }
  } catch {
    // As above.
  }
  changed();
}
