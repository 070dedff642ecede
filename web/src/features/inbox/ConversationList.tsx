import { Inbox, Search, SearchX, X } from 'lucide-react';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState, LoadingState } from '@/components/ui/query-states';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useMembers } from '@/features/settings';
import { useErrorFeedback } from '@/lib/feedback';
import { type useConversations, useMyMemberId } from './api';
import { FiltersPopover } from './ConversationFilters';
import { ConversationListItem } from './ConversationListItem';
import { activeFilterCount, CONVERSATION_STATUSES, type ConversationFilters, OWNERSHIP_VIEWS } from './filters';
import { flattenConversations } from './liveCache';

type ConversationListProps = {
  filters: ConversationFilters;
  onFiltersChange: (changes: Partial<ConversationFilters>) => void;
  query: ReturnType<typeof useConversations>;
  activeId: string | null;
  linkTo: (conversationId: string) => string;
  searchRef: RefObject<HTMLInputElement | null>;
};

const SEARCH_DELAY_MS = 300;

export function ConversationList({ filters, onFiltersChange, query, activeId, linkTo, searchRef }: ConversationListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q);

  useEffect(() => {
    if (search.trim() === filters.q.trim()) return;
    const timer = window.setTimeout(() => onFiltersChange({ q: search }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, filters.q, onFiltersChange]);

  const clearAll = useCallback(() => {
    setSearch('');
    onFiltersChange({ view: 'all', teamId: null, tag: null, unread: false, numberId: null, q: '' });
  }, [onFiltersChange]);

  return (
    <Tabs
      value={filters.status}
      onValueChange={(status) => onFiltersChange({ status: status as ConversationFilters['status'] })}
      className="flex min-h-0 flex-1 flex-col"
    >
      <div className="grid gap-2 border-b border-zinc-200 px-3 pb-0 pt-3">
        <div className="flex items-center gap-2">
          <div className="relative min-w-0 flex-1">
            <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
            <label htmlFor="inbox-search" className="sr-only">
              {t('inbox.searchLabel')}
            </label>
            <input
              id="inbox-search"
              ref={searchRef}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setSearch('');
                  onFiltersChange({ q: '' });
                  event.currentTarget.blur();
                } else if (event.key === 'Enter') onFiltersChange({ q: search });
              }}
              placeholder={t('inbox.searchPlaceholder')}
              aria-keyshortcuts="/"
              className="h-9 w-full rounded-md border border-zinc-300 bg-zinc-50 pl-8 pr-8 text-base text-zinc-900 placeholder:text-zinc-400 focus-visible:border-emerald-600 focus-visible:bg-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-600/30 sm:text-sm [&::-webkit-search-cancel-button]:hidden"
            />
            {search ? (
              <button
                type="button"
                className="absolute right-1.5 top-1/2 -translate-y-1/2 rounded p-1 text-zinc-400 hover:text-zinc-700"
                aria-label={t('inbox.clearSearch')}
                onClick={() => {
                  setSearch('');
                  onFiltersChange({ q: '' });
                }}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            ) : (
              <kbd className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-zinc-300 bg-white px-1.5 font-mono text-[10px] text-zinc-500 md:block">/</kbd>
            )}
          </div>
          <FiltersPopover filters={filters} onChange={onFiltersChange} />
        </div>
        <SegmentedControl
          label={t('inbox.ownership.label')}
          value={filters.view}
          onChange={(view) => onFiltersChange({ view })}
          options={OWNERSHIP_VIEWS.map((view) => ({ value: view, label: t(`inbox.ownership.${view}`) }))}
          className="w-full"
        />
        <TabsList className="-mx-3 justify-between overflow-x-auto border-b-0 px-3" aria-label={t('inbox.statusTabsLabel')}>
          {CONVERSATION_STATUSES.map((status) => (
            <TabsTrigger key={status} value={status} className="text-xs sm:text-sm">
              {t(`inbox.status.${status}`)}
            </TabsTrigger>
          ))}
        </TabsList>
      </div>
      <TabsContent value={filters.status} className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list">
        <ConversationListBody filters={filters} onClearAll={clearAll} query={query} activeId={activeId} linkTo={linkTo} />
      </TabsContent>
    </Tabs>
  );
}

type ConversationListBodyProps = Pick<ConversationListProps, 'filters' | 'query' | 'activeId' | 'linkTo'> & { onClearAll: () => void };

function ConversationListBody({ filters, onClearAll, query, activeId, linkTo }: ConversationListBodyProps) {
  const { t } = useTranslation();
  const { describeError } = useErrorFeedback();
  const members = useMembers();
  const myMemberId = useMyMemberId();
  const memberNames = useMemo(() => new Map((members.data ?? []).map((member) => [member.id, member.name])), [members.data]);
  const items = useMemo(() => flattenConversations(query.data), [query.data]);
  const moreRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const element = moreRef.current;
    if (!element || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <LoadingState label={t('inbox.loadingConversations')} />;
  if (query.isError) return <ErrorState message={describeError(query.error)} retryLabel={t('common.retry')} onRetry={() => void query.refetch()} />;

  if (items.length === 0) {
    const isFiltered = activeFilterCount(filters) > 0 || filters.q.trim() !== '' || filters.view !== 'all';
    if (isFiltered) {
      return (
        <EmptyState
          icon={<SearchX />}
          title={t('inbox.empty.filteredTitle')}
          description={t('inbox.empty.filteredDescription')}
          action={
            <Button variant="secondary" size="sm" onClick={onClearAll}>
              {t('inbox.filters.clear')}
            </Button>
          }
        />
      );
    }
    if (filters.status !== 'open') return <EmptyState icon={<Inbox />} title={t(`inbox.empty.status.${filters.status}`)} />;
    return (
      <EmptyState
        icon={<Inbox />}
        title={t('inbox.empty.title')}
        description={
          <Trans
            i18nKey="inbox.empty.description"
            components={{
              settings: <Link to="/settings/whatsapp" className="font-medium text-emerald-700 hover:underline" />,
              simulator: <a href="/simulator/" target="_blank" rel="noreferrer" className="font-medium text-emerald-700 hover:underline" />,
            }}
          />
        }
      />
    );
  }

  return (
    <>
      <ul className="divide-y divide-zinc-100" aria-label={t('inbox.listLabel')}>
        {items.map((conversation) => (
          <li key={conversation.id} style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 76px' }}>
            <ConversationListItem
              conversation={conversation}
              to={linkTo(conversation.id)}
              isActive={conversation.id === activeId}
              assigneeName={conversation.assignee_id === myMemberId ? t('inbox.assignedToYou') : conversation.assignee_id ? (memberNames.get(conversation.assignee_id) ?? null) : null}
            />
          </li>
        ))}
      </ul>
      {hasNextPage ? (
        <div ref={moreRef} className="flex justify-center p-3">
          <Button variant="ghost" size="sm" isLoading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('inbox.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
