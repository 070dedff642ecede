import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationPage, MessageRead } from '@/api';
import { DEFAULT_FILTERS, type ConversationFilters } from './filters';
import {
  applyContactSummary,
  applyInboxEvent,
  type ConversationListData,
  flattenConversations,
  flattenMessages,
  mergeConversation,
  mergeMessage,
  type MessagesData,
  placeConversation,
  upsertMessage,
} from './liveCache';
import { inboxKeys } from './queryKeys';
import { aConversation, aMessage } from './testData';

const ME = 'member-me';

function messagesData(...pages: MessageRead[][]): MessagesData {
  return { pages, pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)) };
}

function listData(...pages: ConversationPage[]): ConversationListData {
  return { pages, pageParams: pages.map(() => null) };
}

const outbound = (overrides: Partial<MessageRead> = {}) =>
  aMessage({ id: 'out1', direction: 'outbound', status: 'queued', text: 'Karibu', author_id: ME, wamid: null, ...overrides });

describe('mergeMessage', () => {
  it('moves the status forward', () => {
    expect(mergeMessage(outbound(), outbound({ status: 'sent', wamid: 'wamid.9' })).status).toBe('sent');
    expect(mergeMessage(outbound({ status: 'delivered' }), outbound({ status: 'read', read_at: '2026-03-01T10:01:00Z' })).status).toBe('read');
  });

  it('never moves it backwards when events arrive out of order', () => {
    const read = outbound({ status: 'read', wamid: 'wamid.9', sent_at: 'a', delivered_at: 'b', read_at: 'c' });
    const lateDelivered = outbound({ status: 'delivered', wamid: 'wamid.9', sent_at: 'a', delivered_at: 'b' });
    const merged = mergeMessage(read, lateDelivered);
    expect(merged.status).toBe('read');
    expect(merged.read_at).toBe('c');
    // The POST answer (queued) arriving after the event (sent) does not bring back the clock.
    expect(mergeMessage(outbound({ status: 'sent', wamid: 'wamid.9' }), outbound()).status).toBe('sent');
    expect(mergeMessage(outbound({ status: 'sent', wamid: 'wamid.9' }), outbound()).wamid).toBe('wamid.9');
  });

  it('records a failure unless the message already reached the phone', () => {
    const error = { code: 131026, title: 'Message undeliverable', detail: 'Not on WhatsApp', hint: 'Check the number' };
    expect(mergeMessage(outbound({ status: 'sent' }), outbound({ status: 'failed', error })).status).toBe('failed');
    expect(mergeMessage(outbound({ status: 'sent' }), outbound({ status: 'failed', error })).error).toEqual(error);
    expect(mergeMessage(outbound({ status: 'delivered' }), outbound({ status: 'failed', error })).status).toBe('delivered');
  });

  it('keeps a downloaded file when a later copy has none yet', () => {
    const stored = aMessage({ type: 'image', media: { mime_type: 'image/jpeg', filename: 'a.jpg', url: '/media/1' } });
    const pending = aMessage({ type: 'image', media: { mime_type: 'image/jpeg', filename: 'a.jpg', url: null } });
    expect(mergeMessage(stored, pending).media?.url).toBe('/media/1');
    expect(mergeMessage(pending, stored).media?.url).toBe('/media/1');
  });
});

describe('upsertMessage', () => {
  it('leaves a conversation nobody opened alone', () => {
    expect(upsertMessage(undefined, aMessage())).toBeUndefined();
  });

  it('appends a new message to the newest page, in time order', () => {
    const data = messagesData([aMessage({ id: 'm1', created_at: '2026-03-01T10:00:00Z' })], [aMessage({ id: 'm0', created_at: '2026-03-01T09:00:00Z' })]);
    const next = upsertMessage(data, aMessage({ id: 'm2', created_at: '2026-03-01T10:05:00Z' }))!;
    expect(flattenMessages(next).map((message) => message.id)).toEqual(['m0', 'm1', 'm2']);
    expect(next.pages[1]).toBe(data.pages[1]);
  });

  it('replaces a message it already has instead of duplicating it', () => {
    const data = messagesData([outbound()]);
    const next = upsertMessage(upsertMessage(data, outbound({ status: 'sent' })), outbound({ status: 'delivered' }))!;
    expect(flattenMessages(next)).toHaveLength(1);
    expect(flattenMessages(next)[0]!.status).toBe('delivered');
  });

  it('updates a message on an older page in place', () => {
    const old = outbound({ id: 'old', created_at: '2026-02-01T10:00:00Z' });
    const data = messagesData([aMessage({ id: 'new' })], [old]);
    const next = upsertMessage(data, { ...old, status: 'read' })!;
    expect(next.pages[1]![0]!.status).toBe('read');
    expect(next.pages[0]).toHaveLength(1);
  });

  it('confirms the optimistic bubble with the server copy', () => {
    const pending = outbound({ id: 'pending:1', created_at: '2026-03-01T10:10:00Z' });
    const data = messagesData([aMessage(), pending]);
    const next = upsertMessage(data, outbound({ id: 'server-id', created_at: '2026-03-01T10:10:01Z' }))!;
    expect(flattenMessages(next).map((message) => message.id)).toEqual(['m1', 'server-id']);
  });

  it('does not take another agent\'s message for my pending one', () => {
    const data = messagesData([outbound({ id: 'pending:1' })]);
    const next = upsertMessage(data, outbound({ id: 'server-id', author_id: 'someone-else' }))!;
    expect(flattenMessages(next).map((message) => message.id)).toEqual(['pending:1', 'server-id']);
  });
});

describe('mergeConversation', () => {
  it('takes the newer copy whole', () => {
    const older = aConversation({ last_message_at: '2026-03-01T10:00:00Z', unread_count: 1 });
    const newer = aConversation({ last_message_at: '2026-03-01T11:00:00Z', unread_count: 0, status: 'resolved' });
    expect(mergeConversation(older, newer)).toEqual(newer);
    expect(mergeConversation(undefined, older)).toEqual(older);
  });

  it('keeps the newer message fields when an older copy arrives late', () => {
    const newer = aConversation({ last_message_at: '2026-03-01T11:00:00Z', last_message_preview: 'Later', unread_count: 3 });
    const late = aConversation({ last_message_at: '2026-03-01T10:00:00Z', last_message_preview: 'Earlier', unread_count: 0, assignee_id: 'a1' });
    expect(mergeConversation(newer, late)).toMatchObject({ last_message_preview: 'Later', unread_count: 3, assignee_id: 'a1' });
  });

  it('ignores a copy older than the cached one (updated_at), e.g. an assignment answer overtaken by its event', () => {
    const resolved = aConversation({ status: 'resolved', updated_at: '2026-03-01T10:05:00Z' });
    const stale = aConversation({ status: 'open', updated_at: '2026-03-01T10:01:00Z' });
    expect(mergeConversation(resolved, stale)).toBe(resolved);
    expect(mergeConversation(stale, resolved)).toEqual(resolved);
  });
});

describe('placeConversation', () => {
  const a = aConversation({ id: 'a', last_message_at: '2026-03-01T12:00:00Z' });
  const b = aConversation({ id: 'b', last_message_at: '2026-03-01T11:00:00Z' });
  const c = aConversation({ id: 'c', last_message_at: '2026-03-01T10:00:00Z' });
  const ids = (data: ConversationListData | undefined) => flattenConversations(data).map((item) => item.id);

  it('moves a conversation with new activity to the top', () => {
    const data = listData({ items: [a, b, c], next_before: null });
    expect(ids(placeConversation(data, { ...c, last_message_at: '2026-03-01T13:00:00Z' }, true))).toEqual(['c', 'a', 'b']);
  });

  it('updates in place when the order does not change', () => {
    const data = listData({ items: [a, b], next_before: null });
    const next = placeConversation(data, { ...b, unread_count: 0 }, true)!;
    expect(ids(next)).toEqual(['a', 'b']);
    expect(flattenConversations(next)[1]!.unread_count).toBe(0);
  });

  it('adds a new conversation that matches and removes one that no longer does', () => {
    const data = listData({ items: [a, c], next_before: null });
    expect(ids(placeConversation(data, b, true))).toEqual(['a', 'b', 'c']);
    expect(ids(placeConversation(data, { ...a, status: 'resolved' }, false))).toEqual(['c']);
  });

  it('does not append what is older than the loaded pages while more pages exist', () => {
    const data = listData({ items: [a, b], next_before: b.last_message_at });
    expect(ids(placeConversation(data, c, true))).toEqual(['a', 'b']);
  });

  it('places into the right page of several', () => {
    const data = listData({ items: [a], next_before: a.last_message_at }, { items: [c], next_before: null });
    const next = placeConversation(data, b, true)!;
    expect(next.pages.map((page) => page.items.map((item) => item.id))).toEqual([['a'], ['b', 'c']]);
  });

  it('only updates rows it has when it cannot judge the filter (a text search)', () => {
    const data = listData({ items: [a], next_before: null });
    expect(ids(placeConversation(data, b, 'unknown'))).toEqual(['a']);
    expect(flattenConversations(placeConversation(data, { ...a, unread_count: 7 }, 'unknown'))[0]!.unread_count).toBe(7);
  });
});

describe('applyInboxEvent', () => {
  function setup() {
    const queryClient = new QueryClient();
    const openAll: ConversationFilters = { ...DEFAULT_FILTERS };
    const resolved: ConversationFilters = { ...DEFAULT_FILTERS, status: 'resolved' };
    const mine: ConversationFilters = { ...DEFAULT_FILTERS, view: 'mine' };
    const existing = aConversation({ id: 'c1', last_message_at: '2026-03-01T10:00:00Z' });
    queryClient.setQueryData(inboxKeys.conversations(openAll), listData({ items: [existing], next_before: null }));
    queryClient.setQueryData(inboxKeys.conversations(resolved), listData({ items: [], next_before: null }));
    queryClient.setQueryData(inboxKeys.conversations(mine), listData({ items: [], next_before: null }));
    queryClient.setQueryData(inboxKeys.messages('c1'), messagesData([aMessage()]));
    const fetchSpy = vi.spyOn(queryClient, 'fetchQuery');
    const invalidateSpy = vi.spyOn(queryClient, 'invalidateQueries');
    const list = (filters: ConversationFilters) => flattenConversations(queryClient.getQueryData(inboxKeys.conversations(filters)));
    return { queryClient, openAll, resolved, mine, existing, list, fetchSpy, invalidateSpy };
  }

  it('message.created: a new conversation joins the lists it matches, and its message is cached for the open one', () => {
    const { queryClient, openAll, mine, list, fetchSpy, invalidateSpy } = setup();
    const fresh = aConversation({ id: 'c2', assignee_id: ME, last_message_at: '2026-03-01T11:00:00Z' });
    applyInboxEvent(queryClient, 'message.created', { message: aMessage({ id: 'm9', conversation_id: 'c2' }), conversation: fresh }, ME);
    expect(list(openAll).map((item) => item.id)).toEqual(['c2', 'c1']);
    expect(list(mine).map((item) => item.id)).toEqual(['c2']);
    expect(queryClient.getQueryData(inboxKeys.conversation('c2'))).toEqual(fresh);
    // Nobody had c2's messages open: nothing is created for them, and nothing is fetched.
    expect(queryClient.getQueryData(inboxKeys.messages('c2'))).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(invalidateSpy).not.toHaveBeenCalled();
  });

  it('message.created in the open conversation appends the message', () => {
    const { queryClient, existing } = setup();
    applyInboxEvent(queryClient, 'message.created', { message: aMessage({ id: 'm2', created_at: '2026-03-01T10:05:00Z' }), conversation: existing }, ME);
    expect(flattenMessages(queryClient.getQueryData(inboxKeys.messages('c1'))).map((message) => message.id)).toEqual(['m1', 'm2']);
  });

  it('message.updated without a conversation only moves the ticks', () => {
    const { queryClient, openAll, list } = setup();
    queryClient.setQueryData(inboxKeys.messages('c1'), messagesData([outbound({ conversation_id: 'c1' })]));
    const before = list(openAll);
    applyInboxEvent(queryClient, 'message.updated', { message: outbound({ conversation_id: 'c1', status: 'read' }) }, ME);
    expect(flattenMessages(queryClient.getQueryData(inboxKeys.messages('c1')))[0]!.status).toBe('read');
    expect(list(openAll)).toEqual(before);
  });

  it('conversation.updated moves a resolved conversation between the status lists', () => {
    const { queryClient, openAll, resolved, existing, list } = setup();
    applyInboxEvent(queryClient, 'conversation.updated', { conversation: { ...existing, status: 'resolved' } }, ME);
    expect(list(openAll)).toEqual([]);
    expect(list(resolved).map((item) => item.id)).toEqual(['c1']);
  });

  it('conversation.updated with an assignment puts it in "mine"', () => {
    const { queryClient, mine, existing, list } = setup();
    applyInboxEvent(queryClient, 'conversation.updated', { conversation: { ...existing, assignee_id: ME } }, ME);
    expect(list(mine).map((item) => item.id)).toEqual(['c1']);
    applyInboxEvent(queryClient, 'conversation.updated', { conversation: { ...existing, assignee_id: 'someone-else' } }, ME);
    expect(list(mine)).toEqual([]);
  });

  it('an answer that overtook a newer event does not turn the conversation back', () => {
    const { queryClient, openAll, existing, list } = setup();
    const newer = { ...existing, last_message_at: '2026-03-01T10:30:00Z', last_message_preview: 'New question', unread_count: 2 };
    applyInboxEvent(queryClient, 'conversation.updated', { conversation: newer }, ME);
    // A status change answered from a read made before the new message arrived.
    applyInboxEvent(queryClient, 'conversation.updated', { conversation: { ...existing, status: 'pending' } }, ME);
    const cached = queryClient.getQueryData<typeof existing>(inboxKeys.conversation('c1'))!;
    expect(cached).toMatchObject({ status: 'pending', last_message_at: '2026-03-01T10:30:00Z', last_message_preview: 'New question', unread_count: 2 });
    expect(list(openAll)).toEqual([]);
  });

  it('ignores malformed events', () => {
    const { queryClient, openAll, list } = setup();
    const before = list(openAll);
    applyInboxEvent(queryClient, 'conversation.updated', { conversation: { id: 42 } }, ME);
    applyInboxEvent(queryClient, 'message.created', 'not an object', ME);
    applyInboxEvent(queryClient, 'message.created', { message: { text: 'no ids' } }, ME);
    expect(list(openAll)).toEqual(before);
  });

  it('applies an edited contact to every conversation showing it', () => {
    const { queryClient, openAll, existing, list } = setup();
    queryClient.setQueryData(inboxKeys.conversation('c1'), existing);
    applyContactSummary(queryClient, { ...existing.contact, name: 'Wanjiru K.' });
    expect(list(openAll)[0]!.contact.name).toBe('Wanjiru K.');
    expect(queryClient.getQueryData<typeof existing>(inboxKeys.conversation('c1'))!.contact.name).toBe('Wanjiru K.');
  });
});
