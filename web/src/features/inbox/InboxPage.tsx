import { MessagesSquare } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/lib/classNames';
import { pruneDrafts } from '@/lib/drafts';
import { useConversations } from './api';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { DetailsPanel } from './DetailsPanel';
import { type ConversationFilters, filtersFromSearch, filtersToSearch } from './filters';
import { flattenConversations } from './liveCache';
import { useInboxShortcuts } from './useInboxShortcuts';

const PANEL_PARAM = 'panel';

/**
 * Three panes (list, conversation, contact); on a phone each is a page of its own: /inbox is the
 * list, /inbox/:id the conversation, ?panel=contact the contact page, each with a back button.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { conversationId = null } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const conversations = useConversations(filters);
  const isDetailsOpen = conversationId !== null && searchParams.get(PANEL_PARAM) === 'contact';
  useEffect(() => pruneDrafts(), []);

  const listSearch = useMemo(() => {
    const params = filtersToSearch(filters);
    const text = params.toString();
    return text ? `?${text}` : '';
  }, [filters]);
  const linkTo = useCallback((id: string) => `/inbox/${id}${listSearch}`, [listSearch]);

  const onFiltersChange = useCallback(
    (changes: Partial<ConversationFilters>) =>
      setSearchParams((current) => filtersToSearch({ ...filtersFromSearch(current), ...changes }, current), { replace: true }),
    [setSearchParams],
  );

  const setDetailsOpen = useCallback(
    (isOpen: boolean) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (isOpen) next.set(PANEL_PARAM, 'contact');
        else next.delete(PANEL_PARAM);
        return next;
      }),
    [setSearchParams],
  );

  const items = useMemo(() => flattenConversations(conversations.data), [conversations.data]);
  const move = (step: number) => {
    if (items.length === 0) return;
    // Read from the address, not this render: a second key press can come before React re-renders.
    const currentId = /^\/inbox\/([^/]+)/.exec(window.location.pathname)?.[1] ?? null;
    const index = items.findIndex((item) => item.id === currentId);
    const next = index === -1 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + step));
    const target = items[next];
    if (target && target.id !== currentId) {
      navigate(linkTo(target.id), { replace: true });
      document.querySelector(`[data-conversation-id="${target.id}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  };
  useInboxShortcuts({
    onSearch: () => searchRef.current?.focus(),
    onNext: () => move(1),
    onPrevious: () => move(-1),
    onEscape: () => {
      if (isDetailsOpen) {
        setDetailsOpen(false);
        return true;
      }
      return false;
    },
  });

  return (
    <div className="relative flex min-h-0 flex-1 bg-white" data-testid="inbox">
      <h1 className="sr-only">{t('inbox.title')}</h1>
      <section
        aria-label={t('inbox.listLabel')}
        className={cn('min-h-0 w-full shrink-0 flex-col border-zinc-200 md:flex md:w-80 md:border-r 2xl:w-96', conversationId ? 'hidden' : 'flex')}
      >
        <ConversationList
          filters={filters}
          onFiltersChange={onFiltersChange}
          query={conversations}
          activeId={conversationId}
          linkTo={linkTo}
          searchRef={searchRef}
        />
      </section>
      <section
        aria-label={t('inbox.conversationLabel')}
        className={cn('min-h-0 min-w-0 flex-1 flex-col md:flex', conversationId && !isDetailsOpen ? 'flex' : 'hidden')}
      >
        {conversationId ? (
          <ConversationView
            key={conversationId}
            conversationId={conversationId}
            backTo={`/inbox${listSearch}`}
            isDetailsOpen={isDetailsOpen}
            onToggleDetails={() => setDetailsOpen(!isDetailsOpen)}
          />
        ) : (
          <div className="flex flex-1 items-center justify-center bg-zinc-50">
            <EmptyState icon={<MessagesSquare />} title={t('inbox.pickTitle')} description={t('inbox.pickDescription')} />
          </div>
        )}
      </section>
      {conversationId ? (
        <aside
          aria-label={t('inbox.details.title')}
          className={cn(
            'min-h-0 flex-col border-zinc-200 bg-white',
            // phone: a page of its own; tablet and small laptop: a panel over the conversation; wide: the third pane.
            isDetailsOpen ? 'flex w-full md:absolute md:inset-y-0 md:right-0 md:z-20 md:w-96 md:border-l md:shadow-xl' : 'hidden',
            'xl:static xl:flex xl:w-80 xl:border-l xl:shadow-none 2xl:w-96',
          )}
        >
          <DetailsPanel conversationId={conversationId} onClose={() => setDetailsOpen(false)} />
        </aside>
      ) : null}
    </div>
  );
}
