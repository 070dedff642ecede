import { MessagesSquare } from 'lucide-react';
import { Fragment, type ReactNode, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState, LoadingState } from '@/components/ui/query-states';
import { useSession } from '@/features/auth';
import { useMembers } from '@/features/settings';
import { dayKey, formatDayLabel } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { useMessages, useMyMemberId } from './api';
import { flattenMessages } from './liveCache';
import { MessageBubble } from './MessageBubble';
import { buildThread } from './thread';

const NEAR_BOTTOM_PX = 160;

export function MessageList({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const myMemberId = useMyMemberId();
  const messages = useMessages(conversationId);
  const members = useMembers();
  const { describeError } = useErrorFeedback();
  const scrollRef = useRef<HTMLDivElement>(null);

  const flat = useMemo(() => flattenMessages(messages.data), [messages.data]);
  const thread = useMemo(() => {
    const items = buildThread(flat);
    const days = items.map((item) => dayKey(item.message.created_at, timezone));
    return items.map((item, index) => ({ item, startsDay: index === 0 || days[index] !== days[index - 1] }));
  }, [flat, timezone]);
  const memberNames = useMemo(() => new Map((members.data ?? []).map((member) => [member.id, member.name])), [members.data]);
  const authorName = useCallback(
    (authorId: string | null) => {
      if (!authorId) return null;
      if (authorId === myMemberId) return t('inbox.message.you');
      return memberNames.get(authorId) ?? t('inbox.message.agent');
    },
    [memberNames, myMemberId, t],
  );

  // The view stays pinned to the newest message (also while images load and grow the bubbles)
  // unless the agent scrolled up to read; loading older messages above keeps the reading position.
  const contentRef = useRef<HTMLDivElement>(null);
  const isPinned = useRef(true);
  const fromBottom = useRef(0);
  const firstId = flat[0]?.id;
  const lastId = flat[flat.length - 1]?.id;
  const lastIsMine = flat[flat.length - 1]?.author_id === myMemberId;
  const seen = useRef<{ conversationId: string; firstId?: string; lastId?: string } | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const previous = seen.current;
    if (!previous || previous.conversationId !== conversationId) isPinned.current = true;
    else if (previous.lastId !== lastId && lastIsMine) isPinned.current = true;
    if (isPinned.current) element.scrollTop = element.scrollHeight;
    else if (previous && previous.firstId !== firstId && previous.lastId === lastId) element.scrollTop = element.scrollHeight - fromBottom.current;
    fromBottom.current = element.scrollHeight - element.scrollTop;
    seen.current = { conversationId, firstId, lastId };
  }, [conversationId, firstId, lastId, lastIsMine]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const content = contentRef.current;
    if (!element || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (isPinned.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  const rememberPosition = () => {
    const element = scrollRef.current;
    if (!element) return;
    fromBottom.current = element.scrollHeight - element.scrollTop;
    isPinned.current = fromBottom.current - element.clientHeight < NEAR_BOTTOM_PX;
  };

  let body: ReactNode;
  if (messages.isPending) body = <LoadingState label={t('inbox.loadingMessages')} />;
  else if (messages.isError) body = <ErrorState message={describeError(messages.error)} retryLabel={t('common.retry')} onRetry={() => void messages.refetch()} />;
  else if (thread.length === 0) body = <EmptyState icon={<MessagesSquare />} title={t('inbox.noMessages')} />;
  else {
    body = (
      <ol className="grid gap-1.5" aria-label={t('inbox.messagesLabel')}>
        {thread.map(({ item, startsDay }) => {
          return (
            <Fragment key={item.message.id}>
              {startsDay ? (
                <li className="sticky top-1 z-10 flex justify-center py-1" aria-hidden={false}>
                  <span className="rounded-md bg-white/90 px-2.5 py-0.5 text-xs font-medium text-zinc-600 shadow-xs">
                    {formatDayLabel(item.message.created_at, i18n.language, timezone)}
                  </span>
                </li>
              ) : null}
              <li>
                <MessageBubble item={item} authorName={authorName} />
              </li>
            </Fragment>
          );
        })}
      </ol>
    );
  }

  return (
    <div
      ref={scrollRef}
      onScroll={rememberPosition}
      className="min-h-0 flex-1 overflow-y-auto bg-[#efeae2] px-3 py-3 sm:px-6"
      data-testid="message-scroller"
      tabIndex={-1}
    >
      {messages.hasNextPage ? (
        <div className="flex justify-center pb-2">
          <Button variant="secondary" size="sm" isLoading={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
            {t('inbox.loadOlder')}
          </Button>
        </div>
      ) : null}
      <div ref={contentRef}>{body}</div>
    </div>
  );
}
