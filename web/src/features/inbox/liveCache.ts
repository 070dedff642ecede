import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { ConversationPage, ConversationRead, DeliveryStatus, MessageRead } from '@/api';
import { type ConversationFilters, matchesFilters } from './filters';
import { inboxKeys } from './queryKeys';

/**
 * Applying server events (SSE) and mutation results to the TanStack Query cache in place: a new
 * message is appended, a status tick replaces its message, a changed conversation moves within,
 * into or out of each cached list. Nothing here refetches.
 */

export type ConversationListData = InfiniteData<ConversationPage>;
/** pages[0] is the newest page; each page is oldest first, as the API returns it. */
export type MessagesData = InfiniteData<MessageRead[]>;

/** Ranks as on the server (conversations/delivery.py): statuses only move forward. */
const RANK: Record<DeliveryStatus, number> = { received: 0, queued: 0, failed: 0, sent: 1, delivered: 2, read: 3, played: 4 };

function mergedStatus(current: DeliveryStatus, incoming: DeliveryStatus): DeliveryStatus {
  if (incoming === 'failed') return RANK[current] <= RANK.sent ? 'failed' : current;
  return RANK[incoming] >= RANK[current] ? incoming : current;
}

/**
 * The newer picture of one message when two copies meet (an event arriving after the POST answer,
 * or two events out of order): the furthest status wins and nothing already known is forgotten.
 */
export function mergeMessage(current: MessageRead, incoming: MessageRead): MessageRead {
  const status = mergedStatus(current.status, incoming.status);
  return {
    ...current,
    ...incoming,
    status,
    wamid: incoming.wamid ?? current.wamid,
    sent_at: incoming.sent_at ?? current.sent_at,
    delivered_at: incoming.delivered_at ?? current.delivered_at,
    read_at: incoming.read_at ?? current.read_at,
    error: incoming.error ?? current.error,
    media: incoming.media?.url || !current.media ? incoming.media : current.media,
  };
}

export const PENDING_ID_PREFIX = 'pending:';

export function isPendingMessage(message: MessageRead): boolean {
  return message.id.startsWith(PENDING_ID_PREFIX);
}

function byCreatedAt(a: MessageRead, b: MessageRead): number {
  return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;
}

function isEchoOf(pending: MessageRead, message: MessageRead): boolean {
  return (
    isPendingMessage(pending) &&
    pending.direction === message.direction &&
    pending.type === message.type &&
    pending.text === message.text &&
    pending.author_id === message.author_id
  );
}

/**
 * Puts a message into the cached pages: replaces the copy with the same id, or the optimistic
 * placeholder it confirms, or else appends it to the newest page. Undefined stays undefined (a
 * conversation nobody opened is loaded fresh when opened).
 */
export function upsertMessage(data: MessagesData | undefined, message: MessageRead): MessagesData | undefined {
  if (!data) return data;
  // Untouched pages keep their identity, so their bubbles do not re-render.
  for (let pageIndex = 0; pageIndex < data.pages.length; pageIndex += 1) {
    const page = data.pages[pageIndex]!;
    const index = page.findIndex((item) => item.id === message.id);
    if (index === -1) continue;
    const updated = [...page];
    updated[index] = mergeMessage(page[index]!, message);
    return { ...data, pages: data.pages.map((other, position) => (position === pageIndex ? updated : other)) };
  }
  const newest = [...(data.pages[0] ?? [])];
  const pendingIndex = isPendingMessage(message) ? -1 : newest.findIndex((item) => isEchoOf(item, message));
  if (pendingIndex >= 0) newest[pendingIndex] = message;
  else newest.push(message);
  newest.sort(byCreatedAt);
  return { ...data, pages: [newest, ...data.pages.slice(1)] };
}

export function removeMessage(data: MessagesData | undefined, messageId: string): MessagesData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => page.filter((item) => item.id !== messageId)) };
}

/** Every loaded message, oldest first. */
export function flattenMessages(data: MessagesData | undefined): MessageRead[] {
  if (!data) return [];
  const all: MessageRead[] = [];
  for (let index = data.pages.length - 1; index >= 0; index -= 1) all.push(...data.pages[index]!);
  return all;
}

function isNewer(a: ConversationRead, b: ConversationRead): boolean {
  return a.last_message_at > b.last_message_at || (a.last_message_at === b.last_message_at && a.id > b.id);
}

/**
 * Moves a conversation to where it now belongs in one cached list (newest activity first):
 * removed when it no longer matches, inserted when it newly does, updated in place otherwise.
 * With `match === 'unknown'` (a text search) only a row already there is updated.
 */
export function placeConversation(
  data: ConversationListData | undefined,
  conversation: ConversationRead,
  match: boolean | 'unknown',
): ConversationListData | undefined {
  if (!data) return data;
  const wasListed = data.pages.some((page) => page.items.some((item) => item.id === conversation.id));
  const belongs = match === 'unknown' ? wasListed : match;
  if (!wasListed && !belongs) return data;
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== conversation.id) }));
  if (belongs) {
    let placed = false;
    for (const page of pages) {
      const index = page.items.findIndex((item) => isNewer(conversation, item));
      if (index >= 0) {
        page.items.splice(index, 0, conversation);
        placed = true;
        break;
      }
    }
    const last = pages[pages.length - 1];
    // Older than everything loaded: it belongs at the end only if the list has nothing further.
    if (!placed && last && last.next_before === null) last.items.push(conversation);
  }
  return { ...data, pages };
}

export function flattenConversations(data: ConversationListData | undefined): ConversationRead[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

function filtersOfKey(queryKey: QueryKey): ConversationFilters | null {
  const filters = queryKey[2];
  return typeof filters === 'object' && filters !== null ? (filters as ConversationFilters) : null;
}

/**
 * Conversations carry no version, and an HTTP answer can overtake an event (or the other way round):
 * a copy whose last message is older than the cached one keeps the cached message fields, so the
 * preview, the window and the unread count never go back in time.
 */
export function mergeConversation(current: ConversationRead | undefined, incoming: ConversationRead): ConversationRead {
  // `updated_at` moves on every change (status, assignment, message): an older copy changes nothing.
  if (current && incoming.updated_at < current.updated_at && incoming.last_message_at <= current.last_message_at) return current;
  if (!current || incoming.last_message_at >= current.last_message_at) return incoming;
  return {
    ...incoming,
    last_message_at: current.last_message_at,
    last_message_preview: current.last_message_preview,
    last_inbound_at: current.last_inbound_at,
    unread_count: current.unread_count,
    is_window_open: current.is_window_open,
    window_expires_at: current.window_expires_at,
  };
}

function cachedConversation(queryClient: QueryClient, conversationId: string): ConversationRead | undefined {
  const own = queryClient.getQueryData<ConversationRead>(inboxKeys.conversation(conversationId));
  if (own) return own;
  for (const [, data] of queryClient.getQueriesData<ConversationListData>({ queryKey: inboxKeys.conversationLists() })) {
    const found = flattenConversations(data).find((item) => item.id === conversationId);
    if (found) return found;
  }
  return undefined;
}

/** A changed conversation, into every cached list and its own entry. */
export function applyConversation(queryClient: QueryClient, incoming: ConversationRead, myMemberId: string): void {
  const conversation = mergeConversation(cachedConversation(queryClient, incoming.id), incoming);
  queryClient.setQueryData<ConversationRead>(inboxKeys.conversation(conversation.id), conversation);
  for (const [queryKey, data] of queryClient.getQueriesData<ConversationListData>({ queryKey: inboxKeys.conversationLists() })) {
    const filters = filtersOfKey(queryKey);
    if (!filters || !data) continue;
    queryClient.setQueryData<ConversationListData>(queryKey, placeConversation(data, conversation, matchesFilters(conversation, filters, myMemberId)));
  }
}

export function applyMessage(queryClient: QueryClient, message: MessageRead): void {
  queryClient.setQueryData<MessagesData>(inboxKeys.messages(message.conversation_id), (data) => upsertMessage(data, message));
}

/** Contact details shown on conversations (name, opt-out) after the contact was edited. */
export function applyContactSummary(queryClient: QueryClient, contact: ConversationRead['contact']): void {
  const patch = (conversation: ConversationRead): ConversationRead =>
    conversation.contact.id === contact.id ? { ...conversation, contact: { ...conversation.contact, ...contact } } : conversation;
  queryClient.setQueriesData<ConversationRead>({ queryKey: ['inbox', 'conversation'] }, (data) => (data ? patch(data) : data));
  queryClient.setQueriesData<ConversationListData>({ queryKey: inboxKeys.conversationLists() }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(patch) })) } : data,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asMessage(value: unknown): MessageRead | null {
  return isRecord(value) && typeof value.id === 'string' && typeof value.conversation_id === 'string' ? (value as MessageRead) : null;
}

function asConversation(value: unknown): ConversationRead | null {
  return isRecord(value) && typeof value.id === 'string' && isRecord(value.contact) && typeof value.status === 'string'
    ? (value as ConversationRead)
    : null;
}

export const INBOX_EVENT_TYPES = ['message.created', 'message.updated', 'conversation.updated'] as const;
export type InboxEventType = (typeof INBOX_EVENT_TYPES)[number];

/** One SSE event (`data` already parsed) into the cache; malformed events are ignored. */
export function applyInboxEvent(queryClient: QueryClient, type: InboxEventType, data: unknown, myMemberId: string): void {
  if (!isRecord(data)) return;
  const conversation = asConversation(data.conversation);
  if (type === 'message.created' || type === 'message.updated') {
    const message = asMessage(data.message);
    if (message) applyMessage(queryClient, message);
  }
  if (conversation) applyConversation(queryClient, conversation, myMemberId);
}
