import { ArrowLeft, PanelRight } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/query-states';
import { formatRelative } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { type Conversation, useConversation, useMarkRead } from './api';
import { Composer } from './Composer';
import { ComposerProvider } from './composerContext';
import { STATUS_TONES, StatusButtons } from './ConversationActions';
import { contactLabel } from './ConversationListItem';
import { formatWaId } from './messageContent';
import { MessageList } from './MessageList';
import { useWindowOpen } from './useWindowOpen';

type ConversationViewProps = {
  conversationId: string;
  backTo: string;
  isDetailsOpen: boolean;
  onToggleDetails: () => void;
};

export function ConversationView({ conversationId, backTo, isDetailsOpen, onToggleDetails }: ConversationViewProps) {
  const { t } = useTranslation();
  const conversation = useConversation(conversationId);
  const { describeError } = useErrorFeedback();

  if (conversation.isPending) return <LoadingState label={t('common.loading')} />;
  if (conversation.isError) {
    return (
      <div className="grid">
        <BackLink to={backTo} />
        <ErrorState message={describeError(conversation.error)} retryLabel={t('common.retry')} onRetry={() => void conversation.refetch()} />
      </div>
    );
  }
  return <ConversationPane conversation={conversation.data} backTo={backTo} isDetailsOpen={isDetailsOpen} onToggleDetails={onToggleDetails} />;
}

function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Button asChild variant="ghost" size="icon" className="shrink-0 md:hidden">
      <Link to={to} aria-label={t('inbox.backToList')} data-testid="back-to-list">
        <ArrowLeft aria-hidden />
      </Link>
    </Button>
  );
}

function ConversationPane({
  conversation,
  backTo,
  isDetailsOpen,
  onToggleDetails,
}: {
  conversation: Conversation;
  backTo: string;
  isDetailsOpen: boolean;
  onToggleDetails: () => void;
}) {
  const { t, i18n } = useTranslation();
  const isWindowOpen = useWindowOpen(conversation);
  const effective = isWindowOpen === conversation.is_window_open ? conversation : { ...conversation, is_window_open: isWindowOpen };
  useMarkReadWhileVisible(conversation);
  const name = contactLabel(conversation);

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="conversation-view">
      <header className="flex items-center gap-2 border-b border-zinc-200 bg-white px-2 py-2 sm:px-4">
        <BackLink to={backTo} />
        <Avatar name={name} seed={conversation.contact.wa_id} />
        <div className="grid min-w-0 flex-1 grid-cols-1">
          <h1 className="truncate text-sm font-semibold text-zinc-900" data-testid="conversation-title">
            {name}
          </h1>
          <p className="flex min-w-0 items-center gap-1.5 truncate text-xs text-zinc-500">
            {conversation.contact.name ? <span className="shrink-0">{formatWaId(conversation.contact.wa_id)}</span> : null}
            {isWindowOpen && conversation.window_expires_at ? (
              <span className="truncate" title={t('inbox.windowOpenTitle')}>
                · {t('inbox.windowOpen', { time: formatRelative(conversation.window_expires_at, i18n.language) })}
              </span>
            ) : (
              <span className="truncate text-amber-700">· {t('inbox.windowClosedShort')}</span>
            )}
          </p>
        </div>
        <Badge tone={STATUS_TONES[conversation.status]} className="hidden sm:inline-flex">
          {t(`inbox.status.${conversation.status}`)}
        </Badge>
        <div className="hidden lg:block">
          <StatusButtons conversation={conversation} compact />
        </div>
        <Button
          variant={isDetailsOpen ? 'secondary' : 'ghost'}
          size="icon"
          className="shrink-0 xl:hidden"
          onClick={onToggleDetails}
          aria-label={t('inbox.details.toggle')}
          aria-expanded={isDetailsOpen}
          data-testid="toggle-details"
        >
          <PanelRight aria-hidden />
        </Button>
      </header>
      <ComposerProvider key={conversation.id} conversationId={conversation.id}>
        <MessageList conversationId={conversation.id} />
        <Composer conversation={effective} />
      </ComposerProvider>
    </div>
  );
}

/**
 * Opening a conversation, or a new message arriving while it is on screen, marks it read. Every
 * unread count above zero asks again once the previous request is done (a message can arrive with
 * the same `last_message_at` as the one before, so that is no reliable sign of news); a failed
 * request is not repeated until the conversation changes.
 */
function useMarkReadWhileVisible(conversation: Conversation) {
  const markRead = useMarkRead(conversation.id);
  const { mutate, isPending } = markRead;
  const failedFor = useRef<string | null>(null);
  const state = `${conversation.last_message_at}:${conversation.unread_count}`;
  useEffect(() => {
    const tryMark = () => {
      if (conversation.unread_count === 0 || isPending || document.visibilityState !== 'visible' || failedFor.current === state) return;
      mutate(undefined, {
        onError: () => {
          failedFor.current = state;
        },
      });
    };
    tryMark();
    document.addEventListener('visibilitychange', tryMark);
    return () => document.removeEventListener('visibilitychange', tryMark);
  }, [conversation.unread_count, state, isPending, mutate]);
}
