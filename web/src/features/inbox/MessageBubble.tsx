import { Bot, Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/features/auth';
import { cn } from '@/lib/classNames';
import { formatDateTime, formatTime } from '@/lib/dates';
import { DeliveryTicks } from './DeliveryTicks';
import { isPendingMessage } from './liveCache';
import { MessageActions } from './MessageActions';
import { MessageContent } from './MessageContent';
import { MessageInsight } from './MessageInsight';
import { describeMessage } from './messageContent';
import { snippetOf, type ThreadMessage } from './thread';

type MessageBubbleProps = {
  item: ThreadMessage;
  authorName: (authorId: string | null) => string | null;
};

export function MessageBubble({ item, authorName }: MessageBubbleProps) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const { message, view, reactions, quoted } = item;
  const isCustomer = message.direction === 'inbound';
  const isNote = message.direction === 'note';
  const isSticker = view.kind === 'media' && view.mediaType === 'sticker' && Boolean(view.media?.url);

  if (view.kind === 'system') {
    return (
      <div className="flex justify-center py-1">
        <p className="max-w-md rounded-md bg-white/80 px-3 py-1 text-center text-xs text-zinc-600 shadow-xs">{view.text}</p>
      </div>
    );
  }

  const author = isCustomer ? null : authorName(message.author_id);
  const time = formatTime(message.created_at, i18n.language, timezone);

  return (
    <div className={cn('flex', isCustomer ? 'justify-start' : 'justify-end', reactions.length > 0 && 'pb-3')}>
      <article
        data-testid="message"
        data-direction={message.direction}
        data-type={message.type}
        aria-label={isNote ? t('inbox.message.noteLabel') : isCustomer ? t('inbox.message.fromCustomer') : t('inbox.message.fromBusiness')}
        className={cn(
          'group relative max-w-[85%] rounded-lg px-2.5 pb-1 pt-1.5 text-sm text-zinc-900 shadow-xs sm:max-w-[70%]',
          isCustomer && 'rounded-tl-sm bg-white',
          message.direction === 'outbound' && 'rounded-tr-sm bg-[#d9fdd3]',
          isNote && 'rounded-tr-sm border border-dashed border-amber-300 bg-amber-50',
          isSticker && 'bg-transparent shadow-none',
          isPendingMessage(message) && 'opacity-80',
        )}
      >
        {isNote ? (
          <p className="mb-0.5 inline-flex items-center gap-1 text-[11px] font-semibold uppercase tracking-wide text-amber-800">
            <Lock className="size-3" aria-hidden />
            {t('inbox.message.note')}
            {author ? <span className="font-normal normal-case tracking-normal text-amber-700">· {author}</span> : null}
          </p>
        ) : null}
        <MessageActions message={message} myReaction={reactions.find((reaction) => !reaction.fromCustomer)?.emoji} alignRight={isCustomer} />
        {quoted !== undefined ? <Quote quoted={quoted} /> : null}
        <MessageContent view={view} />
        {isCustomer ? <MessageInsight message={message} /> : null}
        <footer className="mt-0.5 flex items-center justify-end gap-1 text-[11px] leading-4 text-zinc-500">
          {message.direction === 'outbound' ? (
            <span className="mr-auto inline-flex min-w-0 items-center gap-1 truncate pr-2">
              {author ? author : (
                <>
                  <Bot className="size-3" aria-hidden />
                  {t('inbox.message.automatic')}
                </>
              )}
            </span>
          ) : null}
          <time dateTime={message.created_at} title={formatDateTime(message.created_at, i18n.language, timezone)}>
            {time}
          </time>
          <DeliveryTicks message={message} />
        </footer>
        {reactions.length > 0 ? (
          <span
            className={cn('absolute -bottom-3 flex gap-0.5 rounded-full border border-zinc-200 bg-white px-1.5 py-0.5 text-xs shadow-xs', isCustomer ? 'left-2' : 'right-2')}
            aria-label={t('inbox.message.reactions', { emojis: reactions.map((reaction) => reaction.emoji).join(' ') })}
            data-testid="message-reactions"
          >
            {reactions.map((reaction) => (
              <span key={`${reaction.fromCustomer}`} title={reaction.fromCustomer ? t('inbox.message.customerReacted') : t('inbox.message.businessReacted')}>
                {reaction.emoji}
              </span>
            ))}
          </span>
        ) : null}
      </article>
    </div>
  );
}

function Quote({ quoted }: { quoted: ThreadMessage['quoted'] }) {
  const { t } = useTranslation();
  if (!quoted) {
    return <p className="mb-1 rounded border-l-4 border-zinc-300 bg-black/5 px-2 py-1 text-xs italic text-zinc-500">{t('inbox.message.quotedUnknown')}</p>;
  }
  const snippet = snippetOf(describeMessage(quoted)) || t('inbox.message.quotedMedia');
  const fromCustomer = quoted.direction === 'inbound';
  return (
    <blockquote className={cn('mb-1 rounded border-l-4 bg-black/5 px-2 py-1 text-xs', fromCustomer ? 'border-sky-500' : 'border-emerald-600')}>
      <p className={cn('font-semibold', fromCustomer ? 'text-sky-700' : 'text-emerald-700')}>
        {fromCustomer ? t('inbox.message.customer') : t('inbox.message.you')}
      </p>
      <p className="line-clamp-2 text-zinc-600">{snippet}</p>
    </blockquote>
  );
}
