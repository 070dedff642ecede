import { ArrowLeft, CircleAlert, FileText, LayoutList, Lock, MessageSquare, Paperclip, SendHorizontal, X } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, showTyping, type UploadProgress } from '@/api';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { cn } from '@/lib/classNames';
import { PHONE_QUERY, useMediaQuery } from '@/lib/useMediaQuery';
import { type Conversation, type Message, useSendAttachment, useSendMessage } from './api';
import { DraftTranslator } from './DraftTranslator';
import { useComposer } from './composerContext';
import { contactLabel } from './ConversationListItem';
import { InteractiveComposer } from './InteractiveComposer';
import { ACCEPTED_TYPES, checkAttachment } from './attachments';
import { describeMessage, formatFileSize } from './messageContent';
import { TemplatePicker } from './TemplatePicker';
import { useDraft } from './useDraft';
import { snippetOf } from './thread';

export type ComposerMode = 'reply' | 'interactive' | 'note' | 'template';
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

/**
 * Reply, internal note or template; when the 24-hour window is closed the template picker takes
 * over. On a phone the buttons / list builder is too tall for the composer box, so it opens as a
 * page of its own over the conversation, with a back button and the send button always in reach.
 */
export function Composer({ conversation }: { conversation: Conversation }) {
  const isWindowOpen = conversation.is_window_open;
  const [chosenMode, setChosenMode] = useState<ComposerMode>('reply');
  const mode: ComposerMode = !isWindowOpen && (chosenMode === 'reply' || chosenMode === 'interactive') ? 'template' : chosenMode;
  const isPhone = useMediaQuery(PHONE_QUERY);
  const composer = useComposer();
  const replyTo = mode === 'reply' || mode === 'interactive' ? (composer?.replyTo ?? null) : null;
  // The last send's error and the quoted message show above whichever form is open.
  const notices = (
    <>
      {composer?.error ? <ComposerError message={composer.error} onClose={() => composer.setError(null)} /> : null}
      {replyTo ? <ReplyPreview message={replyTo} onCancel={() => composer?.setReplyTo(null)} /> : null}
    </>
  );

  if (isPhone && mode === 'interactive') {
    const close = () => setChosenMode('reply');
    return (
      <ComposerSheet conversation={conversation} onClose={close}>
        {notices}
        <InteractiveComposer conversation={conversation} layout="sheet" onSent={close} />
      </ComposerSheet>
    );
  }
  return (
    <div className={cn('max-h-[65%] shrink-0 overflow-y-auto border-t border-zinc-200', mode === 'note' ? 'bg-amber-50' : 'bg-white')} data-testid="composer">
      {!isWindowOpen ? <WindowClosedNotice /> : null}
      <ModeChoice mode={mode} isWindowOpen={isWindowOpen} onChange={setChosenMode} />
      {notices}
      {mode === 'template' ? (
        <TemplatePicker conversation={conversation} onSent={() => setChosenMode('reply')} />
      ) : mode === 'interactive' ? (
        <InteractiveComposer conversation={conversation} layout="inline" />
      ) : (
        <TextComposer key={conversation.id} conversation={conversation} isNote={mode === 'note'} />
      )}
    </div>
  );
}

function WindowClosedNotice() {
  const { t } = useTranslation();
  return (
    <p className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:px-4" data-testid="window-closed">
      <Lock className="mt-0.5 size-4 shrink-0" aria-hidden />
      {t('inbox.composer.windowClosed')}
    </p>
  );
}

function ModeChoice({ mode, isWindowOpen, onChange }: { mode: ComposerMode; isWindowOpen: boolean; onChange: (mode: ComposerMode) => void }) {
  const { t } = useTranslation();
  const modes: { value: ComposerMode; label: string; icon: typeof Lock }[] = [
    ...(isWindowOpen
      ? [
          { value: 'reply' as const, label: t('inbox.composer.reply'), icon: MessageSquare },
          { value: 'interactive' as const, label: t('inbox.composer.interactive'), icon: LayoutList },
        ]
      : []),
    { value: 'template', label: t('inbox.composer.template'), icon: FileText },
    { value: 'note', label: t('inbox.composer.note'), icon: Lock },
  ];
  return (
    <div className="flex items-center gap-1 px-2 pt-2 sm:px-3" role="radiogroup" aria-label={t('inbox.composer.modeLabel')}>
      {modes.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={mode === option.value}
          onClick={() => onChange(option.value)}
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
  );
}

function ComposerError({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="mx-2 mt-2 flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 sm:mx-3" role="alert" data-testid="composer-error">
      <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span className="min-w-0 flex-1">{message}</span>
      <button type="button" className="rounded p-0.5 hover:bg-red-100" aria-label={t('common.close')} onClick={onClose}>
        <X className="size-4" aria-hidden />
      </button>
    </p>
  );
}

/**
 * The composer as a full-screen page (phones): it scrolls like a page, the back button or Esc
 * returns to the conversation. Focus moves into it so a screen reader starts at its title. The
 * scroll padding keeps a focused field clear of the sticky header and send bar.
 */
function ComposerSheet({ conversation, onClose, children }: { conversation: Conversation; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  const sheetRef = useRef<HTMLDivElement>(null);
  useEffect(() => sheetRef.current?.focus({ preventScroll: true }), []);
  return (
    <div
      ref={sheetRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="fixed inset-0 z-40 flex scroll-pb-20 scroll-pt-16 flex-col overflow-y-auto overscroll-contain bg-white focus:outline-none"
      data-testid="composer"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="sticky top-0 z-20 flex items-center gap-2 border-b border-zinc-200 bg-white px-2 py-2">
        <Button type="button" variant="ghost" size="icon" className="shrink-0" aria-label={t('inbox.composer.backToConversation')} onClick={onClose}>
          <ArrowLeft aria-hidden />
        </Button>
        <div className="grid min-w-0">
          <h2 id={titleId} className="truncate text-sm font-semibold text-zinc-900">
            {t('inbox.composer.interactive')}
          </h2>
          <p className="truncate text-xs text-zinc-500">{t('inbox.composer.sheetTo', { name: contactLabel(conversation) })}</p>
        </div>
      </header>
      {children}
    </div>
  );
}

function TextComposer({ conversation, isNote }: { conversation: Conversation; isNote: boolean }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useDraft(conversation.id);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const send = useSendMessage(conversation.id);
  const sendAttachment = useSendAttachment(conversation.id);
  const composer = useComposer();
  const showError = (error: unknown) => composer?.showError(error);
  const replyTo = isNote ? null : (composer?.replyTo ?? null);
  const signalTyping = useTypingSignal(conversation);
  const trimmed = text.trim();
  const attached = isNote ? null : file;
  const maxLength = attached ? MAX_CAPTION : MAX_TEXT;

  useEffect(() => {
    const element = textareaRef.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, 160)}px`;
  }, [text, isNote, attached]);

  // Opening a conversation leaves the focus where it was (so j/k keep moving through the list);
  // switching between reply and note is a sign the agent is about to type.
  const previousMode = useRef(isNote);
  useEffect(() => {
    if (previousMode.current !== isNote) textareaRef.current?.focus({ preventScroll: true });
    previousMode.current = isNote;
  }, [isNote]);

  function pickFile(picked: File | undefined) {
    if (fileInputRef.current) fileInputRef.current.value = '';
    if (!picked) return;
    const check = checkAttachment(picked);
    if (!check.ok) {
      if (check.reason === 'size') {
        toast.error(t('inbox.attachment.tooBig', { kind: t(`inbox.message.media.${check.kind}`), size: formatFileSize(check.maxBytes, i18n.language) }));
      } else toast.error(t(`inbox.attachment.${check.reason}`));
      return;
    }
    setFile(picked);
    textareaRef.current?.focus({ preventScroll: true });
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sendAttachment.isPending) return;
    composer?.setError(null);
    if (attached) {
      if (trimmed.length > MAX_CAPTION) return;
      setProgress({ loaded: 0, total: attached.size });
      sendAttachment.mutate(
        { file: attached, caption: trimmed, onProgress: setProgress },
        {
          onSuccess: () => {
            setFile(null);
            setText('');
          },
          onError: showError,
          onSettled: () => setProgress(null),
        },
      );
      return;
    }
    if (!trimmed || trimmed.length > MAX_TEXT) return;
    setText('');
    if (replyTo) composer?.setReplyTo(null);
    send.mutate(isNote ? { type: 'note', text: trimmed } : { type: 'text', text: trimmed, reply_to_message_id: replyTo?.id ?? null }, {
      onError: (error) => {
        if (replyTo) composer?.setReplyTo(replyTo);
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

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <form className="grid gap-1.5 px-2 pb-2 pt-1.5 sm:px-3" onSubmit={submit}>
      {attached ? (
        <div className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 text-sm" data-testid="attachment-chip">
          <Paperclip className="size-4 shrink-0 text-zinc-500" aria-hidden />
          <span className="min-w-0 flex-1 truncate font-medium text-zinc-800">{attached.name}</span>
          <span className="shrink-0 text-xs text-zinc-500">{formatFileSize(attached.size, i18n.language)}</span>
          {progress ? null : (
            <button
              type="button"
              className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900"
              aria-label={t('inbox.attachment.remove', { name: attached.name })}
              onClick={() => setFile(null)}
            >
              <X className="size-4" aria-hidden />
            </button>
          )}
        </div>
      ) : null}
      {progress ? (
        <div className="grid gap-1" role="status" aria-live="polite">
          <div
            className="h-1.5 overflow-hidden rounded-full bg-zinc-200"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={t('inbox.attachment.uploadingLabel')}
          >
            <div className="h-full bg-emerald-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-xs text-zinc-600">
            {t('inbox.attachment.uploading', {
              percent,
              loaded: formatFileSize(progress.loaded, i18n.language),
              total: formatFileSize(progress.total, i18n.language),
            })}
          </p>
        </div>
      ) : null}
      {isNote || attached ? null : (
        <DraftTranslator
          conversation={conversation}
          draft={text}
          onTranslated={(translated) => {
            setText(translated);
            textareaRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
      <div className="flex items-end gap-2">
        {isNote ? null : (
          <>
            <input
              ref={fileInputRef}
              type="file"
              accept={ACCEPTED_TYPES}
              className="sr-only"
              tabIndex={-1}
              aria-hidden
              data-testid="attachment-input"
              onChange={(event) => pickFile(event.target.files?.[0])}
            />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-10 shrink-0 rounded-full"
              aria-label={t('inbox.attachment.attach')}
              title={t('inbox.attachment.attachHint')}
              disabled={Boolean(progress)}
              onClick={() => fileInputRef.current?.click()}
            >
              <Paperclip aria-hidden />
            </Button>
          </>
        )}
        <label className="sr-only" htmlFor={`composer-${conversation.id}`}>
          {isNote ? t('inbox.composer.noteLabel') : attached ? t('inbox.attachment.captionLabel') : t('inbox.composer.replyLabel')}
        </label>
        <textarea
          id={`composer-${conversation.id}`}
          ref={textareaRef}
          value={text}
          rows={1}
          maxLength={maxLength}
          onChange={(event) => {
            setText(event.target.value);
            if (!isNote && event.target.value.trim()) signalTyping();
          }}
          onKeyDown={onKeyDown}
          placeholder={isNote ? t('inbox.composer.notePlaceholder') : attached ? t('inbox.attachment.captionPlaceholder') : t('inbox.composer.replyPlaceholder')}
          aria-keyshortcuts="Control+Enter"
          data-testid="composer-input"
          className={cn(
            'max-h-40 min-h-10 min-w-0 flex-1 resize-none rounded-lg border px-3 py-2 text-base text-zinc-900 placeholder:text-zinc-400 focus-visible:outline-none focus-visible:ring-2 sm:text-sm',
            isNote ? 'border-amber-300 bg-white focus-visible:ring-amber-400/40' : 'border-zinc-300 bg-white focus-visible:border-emerald-600 focus-visible:ring-emerald-600/30',
          )}
        />
        <Button
          type="submit"
          size="icon"
          className={cn('size-10 shrink-0 rounded-full', isNote && 'bg-amber-500 hover:bg-amber-600')}
          disabled={attached ? Boolean(progress) : !trimmed}
          aria-label={isNote ? t('inbox.composer.addNote') : t('inbox.composer.send')}
          title={t('inbox.composer.sendHint')}
        >
          {isNote ? <Lock aria-hidden /> : <SendHorizontal aria-hidden />}
        </Button>
      </div>
    </form>
  );
}

function ReplyPreview({ message, onCancel }: { message: Message; onCancel: () => void }) {
  const { t } = useTranslation();
  const fromCustomer = message.direction === 'inbound';
  const who = fromCustomer ? t('inbox.message.customer') : t('inbox.message.you');
  const snippet = snippetOf(describeMessage(message)) || t('inbox.message.quotedMedia');
  return (
    <div className="mx-2 mt-2 flex items-start gap-2 rounded-md border-l-4 border-sky-500 bg-zinc-100 px-3 py-1.5 text-xs sm:mx-3" data-testid="reply-preview">
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-sky-700">{t('inbox.composer.replyingTo', { who })}</p>
        <p className="line-clamp-2 text-zinc-600">{snippet}</p>
      </div>
      <button type="button" className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900" aria-label={t('inbox.composer.cancelReply')} onClick={onCancel}>
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}

/** WhatsApp shows "typing…" for 25 s: ask again at most every 20 s per conversation, while the window is open. */
export const TYPING_INTERVAL_MS = 20_000;
const lastTypingSignal = new Map<string, number>();

function useTypingSignal(conversation: Conversation): () => void {
  const { id, is_window_open: isWindowOpen, last_inbound_at: lastInboundAt } = conversation;
  return useCallback(() => {
    if (!isWindowOpen || !lastInboundAt) return;
    const now = Date.now();
    if (now - (lastTypingSignal.get(id) ?? 0) < TYPING_INTERVAL_MS) return;
    lastTypingSignal.set(id, now);
    // Fire and forget: the customer not seeing "typing…" is no reason to bother the agent.
    showTyping({ path: { conversation_id: id } }).catch(() => undefined);
  }, [id, isWindowOpen, lastInboundAt]);
}
