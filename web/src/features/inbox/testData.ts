import type { ConversationRead, MessageRead } from '@/api';

/** Builders for unit tests: a valid API object with only the fields a test cares about changed. */
export function aMessage(overrides: Partial<MessageRead> = {}): MessageRead {
  return {
    id: 'm1',
    conversation_id: 'c1',
    direction: 'inbound',
    type: 'text',
    text: 'Habari',
    content: { body: 'Habari' },
    media: null,
    wamid: 'wamid.1',
    context_wamid: null,
    status: 'received',
    error: null,
    author_id: null,
    created_at: '2026-03-01T10:00:00Z',
    sent_at: null,
    delivered_at: null,
    read_at: null,
    ...overrides,
  };
}

export function aConversation(overrides: Partial<ConversationRead> = {}): ConversationRead {
  return {
    id: 'c1',
    status: 'open',
    contact: { id: 'p1', wa_id: '254712000101', name: 'Wanjiru', opted_out_marketing: false },
    number_id: 'n1',
    assignee_id: null,
    team_id: null,
    tags: [],
    snoozed_until: null,
    last_message_at: '2026-03-01T10:00:00Z',
    last_message_preview: 'Habari',
    last_inbound_at: '2026-03-01T10:00:00Z',
    unread_count: 1,
    is_window_open: true,
    window_expires_at: '2026-03-02T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}
