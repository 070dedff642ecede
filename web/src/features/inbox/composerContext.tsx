import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useErrorFeedback } from '@/lib/feedback';
import { type Message, useSendMessage } from './api';

type ComposerState = {
  /** The message the next reply quotes (WhatsApp's swipe-to-reply), if any. */
  replyTo: Message | null;
  setReplyTo: (message: Message | null) => void;
  react: (message: Message, emoji: string) => void;
  /** The server's answer to the last failed send, shown on the composer until the next send. */
  error: string | null;
  setError: (error: string | null) => void;
  showError: (error: unknown) => void;
};

const ComposerContext = createContext<ComposerState | null>(null);

/** Shared by the message list (reply and react actions) and the composer (quote preview, errors). */
export function ComposerProvider({ conversationId, children }: { conversationId: string; children: ReactNode }) {
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = useSendMessage(conversationId);
  const { describeError } = useErrorFeedback();
  const showError = useCallback((failure: unknown) => setError(describeError(failure)), [describeError]);
  const { mutate } = send;
  const react = useCallback(
    (message: Message, emoji: string) => {
      setError(null);
      mutate({ type: 'reaction', message_id: message.id, emoji }, { onError: showError });
    },
    [mutate, showError],
  );
  const value = useMemo(() => ({ replyTo, setReplyTo, react, error, setError, showError }), [replyTo, react, error, showError]);
  return <ComposerContext.Provider value={value}>{children}</ComposerContext.Provider>;
}

export function useComposer(): ComposerState | null {
  return useContext(ComposerContext);
}
