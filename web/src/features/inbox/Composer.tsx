import { FileText, Lock, MessageSquare, SendHorizontal } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/classNames';
import { useErrorFeedback } from '@/lib/feedback';
import { type Conversation, useSendMessage } from './api';
import { TemplatePicker } from './TemplatePicker';

export type ComposerMode = 'reply' | 'note' | 'template';
const MAX_TEXT = 4096;

/** Reply, internal note or template; when the 24-hour window is closed the template picker takes over. */
export function Composer({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const isWindowOpen = conversation.is_window_open;
  const [chosenMode, setChosenMode] = useState<ComposerMode>('reply');
  const mode: ComposerMode = !isWindowOpen && chosenMode === 'reply' ? 'template' : chosenMode;
  const modes: { value: ComposerMode; label: string; icon: typeof Lock }[] = [
    ...(isWindowOpen ? [{ value: 'reply' as const, label: t('inbox.composer.reply'), icon: MessageSquare }] : []),
    { value: 'template', label: t('inbox.composer.template'), icon: FileText },
    { value: 'note', label: t('inbox.composer.note'), icon: Lock },
  ];

  return (
    <div className={cn('max-h-[65%] shrink-0 overflow-y-auto border-t border-zinc-200', mode === 'note' ? 'bg-amber-50' : 'bg-white')} data-testid="composer">
      {!isWindowOpen ? (
        <p className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:px-4" data-testid="window-closed">
          <Lock className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t('inbox.composer.windowClosed')}
        </p>
      ) : null}
      <div className="flex items-center gap-1 px-2 pt-2 sm:px-3" role="radiogroup" aria-label={t('inbox.composer.modeLabel')}>
        {modes.map((option) => (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={mode === option.value}
            onClick={() => setChosenMode(option.value)}
            className={cn(
              'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
              mode === option.value && option.value === 'note' && 'bg-amber-200/70 text-amber-900 hover:bg-amber-200/70',
              mode === option.value && option.value !== 'note' && 'bg-emerald-50 text-emerald-800 hover:bg-emerald-50',
            )}
          >
            <option.icon className="size-3.5" aria-hidden />
            {option.label}
          </button>
        ))}
      </div>
      {mode === 'template' ? (
        <TemplatePicker conversation={conversation} onSent={() => setChosenMode('reply')} />
      ) : (
        <TextComposer key={conversation.id} conversation={conversation} isNote={mode === 'note'} />
      )}
    </div>
  );
}

function TextComposer({ conversation, isNote }: { conversation: Conversation; isNote: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const send = useSendMessage(conversation.id);
  const { showError } = useErrorFeedback();
  const trimmed = text.trim();

  useEffect(() => {
    const element = textareaRef.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, 160)}px`;
  }, [text, isNote]);

  // Opening a conversation leaves the focus where it was (so j/k keep moving through the list);
  // switching between reply and note is a sign the agent is about to type.
  const previousMode = useRef(isNote);
  useEffect(() => {
    if (previousMode.current !== isNote) textareaRef.current?.focus({ preventScroll: true });
    previousMode.current = isNote;
  }, [isNote]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!trimmed || trimmed.length > MAX_TEXT) return;
    setText('');
    send.mutate(isNote ? { type: 'note', text: trimmed } : { type: 'text', text: trimmed }, {
      onError: (error) => {
        showError(error);
        if (!(isApiError(error) && error.code === 'window_closed')) setText((current) => current || trimmed);
      },
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      // Leaves the text box, so the inbox shortcuts (j, k, /) work again; the draft stays.
      event.preventDefault();
      event.currentTarget.blur();
    }
  }

  return (
    <form className="flex items-end gap-2 px-2 pb-2 pt-1.5 sm:px-3" onSubmit={submit}>
      <label className="sr-only" htmlFor={`composer-${conversation.id}`}>
        {isNote ? t('inbox.composer.noteLabel') : t('inbox.composer.replyLabel')}
      </label>
      <textarea
        id={`composer-${conversation.id}`}
        ref={textareaRef}
        value={text}
        rows={1}
        maxLength={MAX_TEXT}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={isNote ? t('inbox.composer.notePlaceholder') : t('inbox.composer.replyPlaceholder')}
        aria-keyshortcuts="Control+Enter"
        data-testid="composer-input"
        className={cn(
          'max-h-40 min-h-10 flex-1 resize-none rounded-lg border px-3 py-2 text-base text-zinc-900 placeholder:text-zinc-400 focus-visible:outline-none focus-visible:ring-2 sm:text-sm',
          isNote ? 'border-amber-300 bg-white focus-visible:ring-amber-400/40' : 'border-zinc-300 bg-white focus-visible:border-emerald-600 focus-visible:ring-emerald-600/30',
        )}
      />
      <Button
        type="submit"
        size="icon"
        className={cn('size-10 rounded-full', isNote && 'bg-amber-500 hover:bg-amber-600')}
        disabled={!trimmed}
        aria-label={isNote ? t('inbox.composer.addNote') : t('inbox.composer.send')}
        title={t('inbox.composer.sendHint')}
      >
        {isNote ? <Lock aria-hidden /> : <SendHorizontal aria-hidden />}
      </Button>
    </form>
  );
}
