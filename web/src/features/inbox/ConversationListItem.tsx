import { Clock3 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { useSession } from '@/features/auth';
import { cn } from '@/lib/classNames';
import { formatDateTime, formatListTime } from '@/lib/dates';
import type { Conversation } from './api';
import { formatWaId } from './messageContent';
import { useSavedDraft } from './useDraft';

type ConversationListItemProps = {
  conversation: Conversation;
  to: string;
  isActive: boolean;
  assigneeName: string | null;
};

export function contactLabel(conversation: Conversation): string {
  return conversation.contact.name || formatWaId(conversation.contact.wa_id);
}

export function ConversationListItem({ conversation, to, isActive, assigneeName }: ConversationListItemProps) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const name = contactLabel(conversation);
  const isUnread = conversation.unread_count > 0;
  // The open conversation shows its draft in the composer; the others say they have one.
  const draft = useSavedDraft(conversation.id);
  const showsDraft = !isActive && draft.trim() !== '';
  return (
    <Link
      to={to}
      aria-current={isActive ? 'page' : undefined}
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
      className={cn(
        'flex gap-3 border-l-2 border-transparent px-3 py-2.5 transition-colors hover:bg-zinc-50 focus-visible:outline-offset-[-2px]',
        isActive && 'border-emerald-600 bg-emerald-50/70 hover:bg-emerald-50/70',
      )}
    >
      <Avatar name={name} seed={conversation.contact.wa_id} className="mt-0.5" />
      <div className="grid min-w-0 flex-1 grid-cols-1 gap-0.5">
        <div className="flex items-baseline justify-between gap-2">
          <span className={cn('truncate text-sm text-zinc-900', isUnread ? 'font-semibold' : 'font-medium')}>{name}</span>
          <time
            dateTime={conversation.last_message_at}
            title={formatDateTime(conversation.last_message_at, i18n.language, timezone)}
            className={cn('shrink-0 text-xs', isUnread ? 'font-medium text-emerald-700' : 'text-zinc-500')}
          >
            {formatListTime(conversation.last_message_at, i18n.language, timezone)}
          </time>
        </div>
        <div className="flex items-center justify-between gap-2">
          <p className={cn('truncate text-sm', isUnread ? 'text-zinc-800' : 'text-zinc-500')} data-testid="conversation-preview">
            {showsDraft ? (
              <>
                <span className="font-medium text-emerald-700" data-testid="conversation-draft">
                  {t('inbox.draftLabel')}
                </span>{' '}
                {draft.replace(/\s+/g, ' ')}
              </>
            ) : (
              conversation.last_message_preview || t('inbox.noMessagesYet')
            )}
          </p>
          {isUnread ? (
            <span className="inline-flex min-w-5 shrink-0 items-center justify-center rounded-full bg-emerald-600 px-1.5 text-[11px] font-semibold leading-5 text-white" aria-label={t('inbox.unreadCount', { count: conversation.unread_count })}>
              {conversation.unread_count}
            </span>
          ) : null}
        </div>
        {conversation.tags.length > 0 || assigneeName || !conversation.is_window_open ? (
          <div className="flex min-w-0 items-center gap-1 overflow-hidden">
            {!conversation.is_window_open ? (
              <span className="inline-flex shrink-0 items-center gap-0.5 text-[11px] text-amber-700" title={t('inbox.windowClosedShort')}>
                <Clock3 className="size-3" aria-hidden />
                <span className="sr-only">{t('inbox.windowClosedShort')}</span>
              </span>
            ) : null}
            {assigneeName ? <span className="shrink-0 truncate text-[11px] text-zinc-500">{assigneeName}</span> : null}
            {conversation.tags.slice(0, 3).map((tag) => (
              <span key={tag} className="truncate rounded bg-zinc-100 px-1 text-[11px] text-zinc-600">
                {tag}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </Link>
  );
}
