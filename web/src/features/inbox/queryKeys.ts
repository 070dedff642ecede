import type { ConversationFilters } from './filters';

export const inboxKeys = {
  all: ['inbox'] as const,
  conversationLists: () => ['inbox', 'conversations'] as const,
  conversations: (filters: ConversationFilters) => ['inbox', 'conversations', filters] as const,
  conversation: (conversationId: string) => ['inbox', 'conversation', conversationId] as const,
  messages: (conversationId: string) => ['inbox', 'messages', conversationId] as const,
  contact: (contactId: string) => ['contacts', contactId] as const,
};
