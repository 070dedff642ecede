import { useEffect, useState } from 'react';
import type { Conversation } from './api';

/**
 * The server's `is_window_open` was true when it answered; the window may close while the agent
 * looks at the conversation, so it is re-checked at `window_expires_at`.
 */
export function useWindowOpen(conversation: Conversation): boolean {
  const expiresAt = conversation.window_expires_at ? Date.parse(conversation.window_expires_at) : null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!conversation.is_window_open || expiresAt === null) return;
    const delay = expiresAt - Date.now();
    if (delay <= 0 || delay > 2 ** 31 - 1) return;
    const timer = window.setTimeout(() => setNow(Date.now()), delay + 500);
    return () => window.clearTimeout(timer);
  }, [conversation.is_window_open, expiresAt]);
  return conversation.is_window_open && (expiresAt === null || now < expiresAt);
}
