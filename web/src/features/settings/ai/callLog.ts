import type { ListAiCallsData, Task } from '@/api';

export const ANY = 'any';
export const CALLS_PAGE_SIZE = 25;

/** Outcomes the call log records (imaradesk/ai/calls.py and providers/base.py codes). */
export const OUTCOMES = [
  'ok',
  'cache_hit',
  'provider_unavailable',
  'provider_rate_limited',
  'provider_auth_failed',
  'provider_invalid_output',
  'provider_error',
  'circuit_open',
] as const;

export type CallFilters = { task: Task | typeof ANY; provider: string; outcome: string };

export const NO_FILTERS: CallFilters = { task: ANY, provider: ANY, outcome: ANY };

export type CallQuery = NonNullable<ListAiCallsData['query']>;

/** The filters and page as the API's query; "any" means the filter is left out. */
export function callQuery(filters: CallFilters, offset: number, limit = CALLS_PAGE_SIZE): CallQuery {
  const query: CallQuery = { limit, offset };
  if (filters.task !== ANY) query.task = filters.task;
  if (filters.provider !== ANY) query.provider = filters.provider;
  if (filters.outcome !== ANY) query.outcome = filters.outcome;
  return query;
}

export type OutcomeTone = 'accent' | 'neutral' | 'danger';

export function outcomeTone(outcome: string): OutcomeTone {
  if (outcome === 'ok') return 'accent';
  if (outcome === 'cache_hit') return 'neutral';
  return 'danger';
}

/** The 1-based range a page shows ("26–50"), for "26–50 of 340". */
export function pageRange(offset: number, shown: number): { from: number; to: number } {
  return shown === 0 ? { from: 0, to: 0 } : { from: offset + 1, to: offset + shown };
}

export function previousOffset(offset: number, limit = CALLS_PAGE_SIZE): number | null {
  return offset > 0 ? Math.max(0, offset - limit) : null;
}

/** "412 ms", or "1.3 s" from a second on. */
export function formatLatency(milliseconds: number, locale: string): string {
  if (milliseconds >= 1000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(milliseconds / 1000)} s`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(milliseconds)} ms`;
}
