import { type Dispatch, type SetStateAction, useEffect, useState, useSyncExternalStore } from 'react';
import { readDraft, subscribeToDrafts, writeDraft } from '@/lib/drafts';
import { useMyMemberId } from './api';

/** The composer's text for one conversation, saved as a draft while it is typed (lib/drafts.ts). */
export function useDraft(conversationId: string): [string, Dispatch<SetStateAction<string>>] {
  const memberId = useMyMemberId();
  const [text, setText] = useState(() => readDraft(memberId, conversationId));
  useEffect(() => writeDraft(memberId, conversationId, text), [memberId, conversationId, text]);
  return [text, setText];
}

/** The saved draft of a conversation ('' when none), kept current as it is typed, for the conversation list. */
export function useSavedDraft(conversationId: string): string {
  const memberId = useMyMemberId();
  return useSyncExternalStore(subscribeToDrafts, () => readDraft(memberId, conversationId));
}
