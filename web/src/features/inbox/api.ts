import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assign,
  isApiError,
  listConversations,
  listMessages,
  markRead,
  readContact,
  readConversation,
  sendMessage,
  setStatus,
  setTags,
  updateContact,
  type AssignmentUpdate,
  type ContactRead,
  type ContactUpdate,
  type ConversationRead,
  type MessageRead,
  type SendMessageData,
  type StatusUpdate,
  type UploadProgress,
  uploadForm,
} from '@/api';
import { useSession } from '@/features/auth';
import { type ConversationFilters, filtersToQuery } from './filters';
import {
  applyContactSummary,
  applyConversation,
  applyMessage,
  type ConversationListData,
  flattenConversations,
  type MessagesData,
  PENDING_ID_PREFIX,
  removeMessage,
} from './liveCache';
import { inboxKeys } from './queryKeys';

export type Conversation = ConversationRead;
export type Message = MessageRead;
export type Contact = ContactRead;
export type OutgoingMessage = SendMessageData['body'];

const CONVERSATION_PAGE_SIZE = 50;
const MESSAGE_PAGE_SIZE = 50;

export function useMyMemberId(): string {
  return useSession().member.id;
}

export function useConversations(filters: ConversationFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.conversations(filters),
    queryFn: async ({ pageParam, signal }) =>
      (
        await listConversations({
          query: { ...filtersToQuery(filters), limit: CONVERSATION_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) },
          signal,
        })
      ).data,
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_before,
  });
}

/** One conversation; shown at once from any list that already has it, then confirmed by the server. */
export function useConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useQuery<ConversationRead>({
    queryKey: inboxKeys.conversation(conversationId),
    queryFn: async ({ signal }) => (await readConversation({ path: { conversation_id: conversationId }, signal })).data,
    placeholderData: (): ConversationRead | undefined => {
      for (const [, data] of queryClient.getQueriesData<ConversationListData>({ queryKey: inboxKeys.conversationLists() })) {
        const found = flattenConversations(data).find((item) => item.id === conversationId);
        if (found) return found;
      }
      return undefined;
    },
  });
}

export function useMessages(conversationId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.messages(conversationId),
    queryFn: async ({ pageParam, signal }) =>
      (
        await listMessages({
          path: { conversation_id: conversationId },
          query: { limit: MESSAGE_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) },
          signal,
        })
      ).data,
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.length >= MESSAGE_PAGE_SIZE ? (page[0]?.created_at ?? null) : null),
  });
}

let pendingCounter = 0;

function pendingMessage(conversationId: string, authorId: string, body: OutgoingMessage): MessageRead | null {
  if (body.type !== 'text' && body.type !== 'note') return null;
  pendingCounter += 1;
  return {
    id: `${PENDING_ID_PREFIX}${pendingCounter}`,
    conversation_id: conversationId,
    direction: body.type === 'note' ? 'note' : 'outbound',
    type: body.type,
    text: body.text,
    content: {},
    media: null,
    wamid: null,
    context_wamid: null,
    status: body.type === 'note' ? 'received' : 'queued',
    error: null,
    author_id: authorId,
    created_at: new Date().toISOString(),
    sent_at: null,
    delivered_at: null,
    read_at: null,
  };
}

/** Text and notes appear at once (a clock on the bubble) and are confirmed by the answer or the event. */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const myMemberId = useMyMemberId();
  const key = inboxKeys.messages(conversationId);
  return useMutation({
    mutationFn: async (body: OutgoingMessage) => (await sendMessage({ path: { conversation_id: conversationId }, body })).data,
    onMutate: (body) => {
      const pending = pendingMessage(conversationId, myMemberId, body);
      if (pending) queryClient.setQueryData<MessagesData>(key, (data) => (data ? { ...data, pages: [[...(data.pages[0] ?? []), pending], ...data.pages.slice(1)] } : data));
      return { pendingId: pending?.id ?? null };
    },
    onSuccess: (message) => applyMessage(queryClient, message),
    onError: (error, _body, context) => {
      if (context?.pendingId) queryClient.setQueryData<MessagesData>(key, (data) => removeMessage(data, context.pendingId!));
      // The window closed since the conversation was loaded: reload it so the template picker shows.
      if (isApiError(error) && error.code === 'window_closed') void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
    },
    onSettled: (_message, _error, _body, context) => {
      // An answer that confirmed nothing leaves no orphan placeholder behind.
      if (context?.pendingId) {
        const pendingId = context.pendingId;
        queryClient.setQueryData<MessagesData>(key, (data) => {
          const stillThere = data?.pages[0]?.some((item) => item.id === pendingId);
          return stillThere ? removeMessage(data, pendingId) : data;
        });
      }
    },
  });
}

export type AttachmentUpload = { file: File; caption: string; onProgress: (progress: UploadProgress) => void; signal?: AbortSignal };

/** A file for the customer: uploaded with progress, then sent by WhatsApp like any message. */
export function useSendAttachment(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, caption, onProgress, signal }: AttachmentUpload) => {
      const form = new FormData();
      form.append('file', file);
      if (caption) form.append('caption', caption);
      return uploadForm<MessageRead>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`, form, { onProgress, signal });
    },
    onSuccess: (message) => applyMessage(queryClient, message),
    onError: (error) => {
      if (isApiError(error) && error.code === 'window_closed') void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
    },
  });
}

function useConversationMutation<TVariables>(
  conversationId: string,
  request: (conversationId: string, variables: TVariables) => Promise<ConversationRead>,
) {
  const queryClient = useQueryClient();
  const myMemberId = useMyMemberId();
  return useMutation({
    mutationFn: (variables: TVariables) => request(conversationId, variables),
    onSuccess: (conversation) => applyConversation(queryClient, conversation, myMemberId),
  });
}

export function useAssignConversation(conversationId: string) {
  return useConversationMutation(conversationId, async (id, body: AssignmentUpdate) => (await assign({ path: { conversation_id: id }, body })).data);
}

export function useSetConversationStatus(conversationId: string) {
  return useConversationMutation(conversationId, async (id, body: StatusUpdate) => (await setStatus({ path: { conversation_id: id }, body })).data);
}

export function useSetConversationTags(conversationId: string) {
  return useConversationMutation(conversationId, async (id, tags: string[]) => (await setTags({ path: { conversation_id: id }, body: { tags } })).data);
}

export function useMarkRead(conversationId: string) {
  return useConversationMutation<void>(conversationId, async (id) => (await markRead({ path: { conversation_id: id } })).data);
}

export function useContact(contactId: string) {
  return useQuery({
    queryKey: inboxKeys.contact(contactId),
    queryFn: async ({ signal }) => (await readContact({ path: { contact_id: contactId }, signal })).data,
  });
}

export function useUpdateContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: ContactUpdate) => (await updateContact({ path: { contact_id: contactId }, body: changes })).data,
    onSuccess: (contact) => {
      queryClient.setQueryData(inboxKeys.contact(contactId), contact);
      applyContactSummary(queryClient, {
        id: contact.id,
        wa_id: contact.wa_id,
        name: contact.name,
        opted_out_marketing: contact.opted_out_marketing,
      });
    },
  });
}
