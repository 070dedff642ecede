import { CornerUpLeft, SmilePlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { cn } from '@/lib/classNames';
import type { Message } from './api';
import { useComposer } from './composerContext';

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '🙏', '✅'] as const;

/** Reply (quote it in the composer) and, on the customer's messages, react: shown on hover or focus. */
export function MessageActions({ message, myReaction, alignRight }: { message: Message; myReaction?: string; alignRight: boolean }) {
  const { t } = useTranslation();
  const composer = useComposer();
  const [isPickerOpen, setIsPickerOpen] = useState(false);
  if (!composer || !message.wamid || message.direction === 'note') return null;
  const canReact = message.direction === 'inbound';
  const buttonClass = 'grid size-7 place-items-center rounded-full text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-600/40';
  return (
    <div
      role="toolbar"
      aria-label={t('inbox.composer.messageActions')}
      data-testid="message-actions"
      className={cn(
        'absolute -top-3 z-10 flex items-center gap-0.5 rounded-full border border-zinc-200 bg-white px-0.5 shadow-sm opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100',
        isPickerOpen && 'opacity-100',
        alignRight ? 'right-2' : 'left-2',
      )}
    >
      <button
        type="button"
        className={buttonClass}
        aria-label={t('inbox.composer.replyAction')}
        title={t('inbox.composer.replyAction')}
        onClick={() => composer.setReplyTo(message)}
      >
        <CornerUpLeft className="size-4" aria-hidden />
      </button>
      {canReact ? (
        <Popover open={isPickerOpen} onOpenChange={setIsPickerOpen}>
          <PopoverTrigger asChild>
            <button type="button" className={buttonClass} aria-label={t('inbox.composer.reactAction')} title={t('inbox.composer.reactAction')}>
              <SmilePlus className="size-4" aria-hidden />
            </button>
          </PopoverTrigger>
          <PopoverContent className="flex items-center gap-1 rounded-full p-1" side="top" data-testid="reaction-picker">
            {QUICK_REACTIONS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                className={cn('grid size-8 place-items-center rounded-full text-lg hover:bg-zinc-100', myReaction === emoji && 'bg-emerald-50 ring-1 ring-emerald-600/40')}
                aria-label={myReaction === emoji ? t('inbox.composer.removeReaction') : t('inbox.composer.reactWith', { emoji })}
                aria-pressed={myReaction === emoji}
                onClick={() => {
                  composer.react(message, myReaction === emoji ? '' : emoji);
                  setIsPickerOpen(false);
                }}
              >
                {emoji}
              </button>
            ))}
          </PopoverContent>
        </Popover>
      ) : null}
    </div>
  );
}
