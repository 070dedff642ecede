import type { ConversationRead, ConversationStatus, ListConversationsData } from '@/api';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const satisfies readonly ConversationStatus[];
export const OWNERSHIP_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type OwnershipView = (typeof OWNERSHIP_VIEWS)[number];

export type ConversationFilters = {
  status: ConversationStatus;
  view: OwnershipView;
  teamId: string | null;
  tag: string | null;
  unread: boolean;
  numberId: string | null;
  q: string;
};

export const DEFAULT_FILTERS: ConversationFilters = {
  status: 'open',
  view: 'all',
  teamId: null,
  tag: null,
  unread: false,
  numberId: null,
  q: '',
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Filters live in the address (?status=pending&view=mine…), so a reload or a shared link keeps them. */
export function filtersFromSearch(params: URLSearchParams): ConversationFilters {
  return {
    status: oneOf(params.get('status'), CONVERSATION_STATUSES, DEFAULT_FILTERS.status),
    view: oneOf(params.get('view'), OWNERSHIP_VIEWS, DEFAULT_FILTERS.view),
    teamId: params.get('team') || null,
    tag: params.get('tag') || null,
    unread: params.get('unread') === '1',
    numberId: params.get('number') || null,
    q: params.get('q') ?? '',
  };
}

/** Writes the filters into `params` (a copy), leaving out defaults and keeping unrelated keys. */
export function filtersToSearch(filters: ConversationFilters, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null, isDefault: boolean) => {
    if (isDefault || !value) next.delete(key);
    else next.set(key, value);
  };
  set('status', filters.status, filters.status === DEFAULT_FILTERS.status);
  set('view', filters.view, filters.view === DEFAULT_FILTERS.view);
  set('team', filters.teamId, false);
  set('tag', filters.tag, false);
  set('unread', filters.unread ? '1' : null, false);
  set('number', filters.numberId, false);
  set('q', filters.q.trim() || null, false);
  return next;
}

export function activeFilterCount(filters: ConversationFilters): number {
  return [filters.teamId, filters.tag, filters.unread || null, filters.numberId].filter(Boolean).length;
}

export type ConversationQuery = NonNullable<ListConversationsData['query']>;

export function filtersToQuery(filters: ConversationFilters): ConversationQuery {
  const query: ConversationQuery = { status: filters.status };
  if (filters.view === 'mine') query.mine = true;
  if (filters.view === 'unassigned') query.unassigned = true;
  if (filters.teamId) query.team_id = filters.teamId;
  if (filters.tag) query.tag = filters.tag;
  if (filters.unread) query.unread = true;
  if (filters.numberId) query.number_id = filters.numberId;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/**
 * Whether a conversation belongs in a list with these filters, as the server decides it; a text
 * search cannot be judged here, so it answers 'unknown' (the list then only updates rows it has).
 */
export function matchesFilters(conversation: ConversationRead, filters: ConversationFilters, myMemberId: string): boolean | 'unknown' {
  if (conversation.status !== filters.status) return false;
  if (filters.view === 'mine' && conversation.assignee_id !== myMemberId) return false;
  if (filters.view === 'unassigned' && conversation.assignee_id !== null) return false;
  if (filters.teamId && conversation.team_id !== filters.teamId) return false;
  if (filters.tag && !conversation.tags.includes(filters.tag.toLowerCase())) return false;
  if (filters.unread && conversation.unread_count === 0) return false;
  if (filters.numberId && conversation.number_id !== filters.numberId) return false;
  if (filters.q.trim()) return 'unknown';
  return true;
}
