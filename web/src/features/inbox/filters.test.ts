import { describe, expect, it } from 'vitest';
import { activeFilterCount, DEFAULT_FILTERS, filtersFromSearch, filtersToQuery, filtersToSearch, matchesFilters } from './filters';
import { aConversation } from './testData';

describe('filters in the address', () => {
  it('reads defaults from an empty address and ignores nonsense', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch(new URLSearchParams('status=closed&view=everyone'))).toEqual(DEFAULT_FILTERS);
  });

  it('round-trips, leaving defaults out and other keys alone', () => {
    const filters = { ...DEFAULT_FILTERS, status: 'pending' as const, view: 'mine' as const, tag: 'vip', unread: true, q: 'unga' };
    const params = filtersToSearch(filters, new URLSearchParams('panel=contact&status=open'));
    expect(params.toString()).toBe('panel=contact&status=pending&view=mine&tag=vip&unread=1&q=unga');
    expect(filtersFromSearch(params)).toEqual(filters);
    expect(filtersToSearch(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('counts the filters hidden behind the button', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, teamId: 't', unread: true, q: 'x' })).toBe(2);
  });
});

describe('filtersToQuery', () => {
  it('asks the API for what the filters say', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({ status: 'open' });
    expect(filtersToQuery({ status: 'snoozed', view: 'mine', teamId: 't', tag: 'vip', unread: true, numberId: 'n', q: ' unga ' })).toEqual({
      status: 'snoozed',
      mine: true,
      team_id: 't',
      tag: 'vip',
      unread: true,
      number_id: 'n',
      q: 'unga',
    });
    expect(filtersToQuery({ ...DEFAULT_FILTERS, view: 'unassigned' })).toEqual({ status: 'open', unassigned: true });
  });
});

describe('matchesFilters', () => {
  const me = 'me';
  it('judges each filter like the server', () => {
    const conversation = aConversation({ assignee_id: me, team_id: 't1', tags: ['vip'], unread_count: 0, number_id: 'n1' });
    expect(matchesFilters(conversation, DEFAULT_FILTERS, me)).toBe(true);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, status: 'resolved' }, me)).toBe(false);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, view: 'mine' }, me)).toBe(true);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, view: 'mine' }, 'other')).toBe(false);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, view: 'unassigned' }, me)).toBe(false);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, teamId: 't2' }, me)).toBe(false);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, tag: 'VIP' }, me)).toBe(true);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, unread: true }, me)).toBe(false);
    expect(matchesFilters(conversation, { ...DEFAULT_FILTERS, numberId: 'n2' }, me)).toBe(false);
  });

  it('cannot judge a text search', () => {
    expect(matchesFilters(aConversation(), { ...DEFAULT_FILTERS, q: 'unga' }, 'me')).toBe('unknown');
    expect(matchesFilters(aConversation({ status: 'resolved' }), { ...DEFAULT_FILTERS, q: 'unga' }, 'me')).toBe(false);
  });
});
