import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_MAX_AGE_MS, forgetDrafts, pruneDrafts, readDraft, subscribeToDrafts, writeDraft } from './drafts';

class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

class RefusingStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  override getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

const NOW = 1_700_000_000_000;

describe('drafts', () => {
  it('keeps each conversation’s text for the agent who typed it', () => {
    const storage = new MemoryStorage();
    writeDraft('agent-1', 'conv-a', 'Habari, your order', NOW, storage);
    writeDraft('agent-1', 'conv-b', 'Second reply', NOW, storage);
    expect(readDraft('agent-1', 'conv-a', NOW, storage)).toBe('Habari, your order');
    expect(readDraft('agent-1', 'conv-b', NOW, storage)).toBe('Second reply');
    expect(readDraft('agent-2', 'conv-a', NOW, storage)).toBe('');
  });

  it('forgets a draft emptied or sent (blank text)', () => {
    const storage = new MemoryStorage();
    writeDraft('agent-1', 'conv-a', 'Draft', NOW, storage);
    writeDraft('agent-1', 'conv-a', '   ', NOW, storage);
    expect(readDraft('agent-1', 'conv-a', NOW, storage)).toBe('');
    expect(storage.length).toBe(0);
  });

  it('keeps drafts a week, then prunes them', () => {
    const storage = new MemoryStorage();
    writeDraft('agent-1', 'old', 'Old draft', NOW, storage);
    writeDraft('agent-1', 'recent', 'Recent draft', NOW + DRAFT_MAX_AGE_MS, storage);
    const later = NOW + DRAFT_MAX_AGE_MS + 1;
    expect(readDraft('agent-1', 'old', later, storage)).toBe('');
    pruneDrafts(later, storage);
    expect(storage.length).toBe(1);
    expect(readDraft('agent-1', 'recent', later, storage)).toBe('Recent draft');
  });

  it('forgets every draft on sign-out and leaves other keys alone', () => {
    const storage = new MemoryStorage();
    writeDraft('agent-1', 'conv-a', 'A', NOW, storage);
    writeDraft('agent-2', 'conv-b', 'B', NOW, storage);
    storage.setItem('something.else', 'kept');
    forgetDrafts(storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem('something.else')).toBe('kept');
  });

  it('ignores a damaged entry and a browser that refuses storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('imaradesk.draft.agent-1.conv-a', '{not json');
    expect(readDraft('agent-1', 'conv-a', NOW, storage)).toBe('');
    pruneDrafts(NOW, storage);
    expect(storage.length).toBe(0);

    const refusing = new RefusingStorage();
    expect(() => writeDraft('agent-1', 'conv-a', 'Text', NOW, refusing)).not.toThrow();
    expect(readDraft('agent-1', 'conv-a', NOW, refusing)).toBe('');
  });

  describe('listeners (the conversation list shows drafts as they are typed)', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('hear each save and each forget, in this tab and from other tabs, until they unsubscribe', () => {
      const target = new EventTarget();
      vi.stubGlobal('window', target);
      const storage = new MemoryStorage();
      const heard = vi.fn();
      const unsubscribe = subscribeToDrafts(heard);

      writeDraft('agent-1', 'conv-a', 'Typed', NOW, storage);
      writeDraft('agent-1', 'conv-a', '', NOW, storage);
      writeDraft('agent-1', 'conv-c', '', NOW, storage); // nothing there, nothing changed
      forgetDrafts(storage);
      expect(heard).toHaveBeenCalledTimes(3);

      const fromOtherTab = Object.assign(new Event('storage'), { key: 'imaradesk.draft.agent-1.conv-b' });
      target.dispatchEvent(fromOtherTab);
      target.dispatchEvent(Object.assign(new Event('storage'), { key: 'unrelated' }));
      expect(heard).toHaveBeenCalledTimes(4);

      unsubscribe();
      writeDraft('agent-1', 'conv-a', 'Again', NOW, storage);
      target.dispatchEvent(fromOtherTab);
      expect(heard).toHaveBeenCalledTimes(4);
    });
  });
});
