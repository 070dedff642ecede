import { useMutation, useQueryClient } from '@tanstack/react-query';
import { summarizeConversation, translateDraft, translateMessage } from '@/api';
import { applyMessage } from './liveCache';

/** Ask again for a customer's message in the workspace language; the answer replaces the cached message. */
export function useRetranslateMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (messageId: string) =>
      (await translateMessage({ path: { conversation_id: conversationId, message_id: messageId } })).data,
    onSuccess: (message) => applyMessage(queryClient, message),
  });
}

/** The agent's draft in the customer's language, for the agent to read before sending. */
export function useTranslateDraft(conversationId: string) {
  return useMutation({
    mutationFn: async (text: string) => (await translateDraft({ path: { conversation_id: conversationId }, body: { text } })).data,
  });
}

export function useSummarizeConversation(conversationId: string) {
  return useMutation({
    mutationFn: async () => (await summarizeConversation({ path: { conversation_id: conversationId } })).data,
  });
}
