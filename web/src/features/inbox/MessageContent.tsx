import { BookUser, FileText, List, MapPin, MessageSquareReply, Mic, Phone, ShoppingCart, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaRead } from '@/api';
import { Spinner } from '@/components/ui/spinner';
import { type MediaType, type MessageView, formatFileSize } from './messageContent';

/** The inside of a bubble, for every WhatsApp message type. */
export function MessageContent({ view }: { view: MessageView }) {
  const { t } = useTranslation();
  switch (view.kind) {
    case 'text':
    case 'note':
    case 'system':
      return <MessageText text={view.text} />;
    case 'reply':
      return (
        <div className="grid gap-1">
          <p className="inline-flex items-center gap-1 text-[11px] font-medium uppercase tracking-wide text-emerald-700">
            {view.replyType === 'list' ? <List className="size-3" aria-hidden /> : <MessageSquareReply className="size-3" aria-hidden />}
            {t(`inbox.message.replyHint.${view.replyType}`)}
          </p>
          <MessageText text={view.title} />
          {view.description ? <p className="text-xs text-zinc-500">{view.description}</p> : null}
        </div>
      );
    case 'media':
      return <MediaContent mediaType={view.mediaType} media={view.media} caption={view.caption} isVoice={view.isVoice} />;
    case 'location':
      return (
        <a href={view.mapUrl} target="_blank" rel="noreferrer" className="group grid gap-1 rounded-md bg-black/5 p-2 hover:bg-black/10">
          <span className="inline-flex items-center gap-1.5 font-medium text-sky-700 group-hover:underline">
            <MapPin className="size-4 shrink-0 text-red-500" aria-hidden />
            {view.name || t('inbox.message.location')}
          </span>
          {view.address ? <span className="text-xs text-zinc-600">{view.address}</span> : null}
          <span className="text-xs text-zinc-500">
            {view.latitude.toFixed(5)}, {view.longitude.toFixed(5)} · {t('inbox.message.openMap')}
          </span>
        </a>
      );
    case 'contacts':
      return (
        <ul className="grid gap-2">
          {view.contacts.map((contact, index) => (
            <li key={index} className="flex items-start gap-2 rounded-md bg-black/5 p-2">
              <BookUser className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
              <div className="grid min-w-0 grid-cols-1">
                <span className="font-medium">{contact.name || t('inbox.message.unnamedContact')}</span>
                {contact.phones.map((phone) => (
                  <a key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="inline-flex items-center gap-1 text-xs text-sky-700 hover:underline">
                    <Phone className="size-3" aria-hidden />
                    {phone}
                  </a>
                ))}
              </div>
            </li>
          ))}
        </ul>
      );
    case 'reaction':
      return (
        <p className="text-2xl leading-none" aria-label={view.emoji ? t('inbox.message.reactedWith', { emoji: view.emoji }) : t('inbox.message.reactionRemoved')}>
          {view.emoji || '∅'}
        </p>
      );
    case 'template':
      return (
        <div className="grid gap-1">
          <MessageText text={view.text} />
          <p className="inline-flex items-center gap-1 text-[11px] text-zinc-500">
            <FileText className="size-3" aria-hidden />
            {t('inbox.message.templateHint', { name: view.name })}
          </p>
        </div>
      );
    case 'buttons':
      return (
        <div className="grid gap-1.5">
          <MessageText text={view.text} />
          {view.footer ? <p className="text-xs text-zinc-500">{view.footer}</p> : null}
          <div className="grid gap-1 border-t border-black/10 pt-1.5">
            {view.buttons.map((button) => (
              <span key={button} className="text-center text-sm font-medium text-sky-700">
                {button}
              </span>
            ))}
          </div>
        </div>
      );
    case 'list':
      return (
        <div className="grid gap-1.5">
          <MessageText text={view.text} />
          {view.footer ? <p className="text-xs text-zinc-500">{view.footer}</p> : null}
          <p className="inline-flex items-center justify-center gap-1 border-t border-black/10 pt-1.5 text-sm font-medium text-sky-700">
            <List className="size-4" aria-hidden />
            {view.button}
          </p>
          <p className="text-xs text-zinc-500">{view.rows.join(' · ')}</p>
        </div>
      );
    case 'order':
      return (
        <div className="grid gap-1">
          <p className="inline-flex items-center gap-1.5 font-medium">
            <ShoppingCart className="size-4" aria-hidden />
            {t('inbox.message.order', { count: view.itemCount })}
          </p>
          {view.text ? <MessageText text={view.text} /> : null}
        </div>
      );
    case 'unsupported':
      return (
        <p className="inline-flex items-center gap-1.5 italic text-zinc-600">
          <TriangleAlert className="size-4 shrink-0 text-amber-600" aria-hidden />
          {t('inbox.message.unsupported')}
          {view.originalType && view.originalType !== 'unsupported' ? <span className="not-italic text-zinc-400">({view.originalType})</span> : null}
        </p>
      );
  }
}

function MessageText({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">{text}</p>;
}

function MediaContent({ mediaType, media, caption, isVoice }: { mediaType: MediaType; media: MediaRead | null; caption: string; isVoice: boolean }) {
  const { t, i18n } = useTranslation();
  const url = media?.url ?? null;
  const label = t(`inbox.message.media.${mediaType}`);

  if (!url && media?.state === 'failed') {
    return (
      <div className="grid gap-1">
        <p className="rounded-md bg-red-50 px-3 py-2 text-red-700" data-testid="media-failed" title={media.error ?? undefined}>
          {t('inbox.message.mediaFailed', { type: label })}
        </p>
        {caption ? <MessageText text={caption} /> : null}
      </div>
    );
  }

  if (!url) {
    return (
      <div className="grid gap-1">
        <p className="inline-flex items-center gap-2 rounded-md bg-black/5 px-3 py-2 text-zinc-600" data-testid="media-downloading">
          <Spinner className="text-zinc-500" />
          {t('inbox.message.downloading', { type: label })}
        </p>
        {caption ? <MessageText text={caption} /> : null}
      </div>
    );
  }

  let preview: ReactNode;
  if (mediaType === 'image' || mediaType === 'sticker') {
    preview = (
      <a href={url} target="_blank" rel="noreferrer" className="block">
        <img
          src={url}
          alt={caption || label}
          loading="lazy"
          className={mediaType === 'sticker' ? 'size-32 object-contain' : 'max-h-72 w-auto max-w-full rounded-md object-cover'}
        />
      </a>
    );
  } else if (mediaType === 'video') {
    preview = <video src={url} controls preload="metadata" className="max-h-72 max-w-full rounded-md bg-black" aria-label={caption || label} />;
  } else if (mediaType === 'audio') {
    preview = (
      <div className="grid gap-1">
        {isVoice ? (
          <span className="inline-flex items-center gap-1 text-xs text-zinc-500">
            <Mic className="size-3" aria-hidden />
            {t('inbox.message.voiceNote')}
          </span>
        ) : null}
        <audio src={url} controls preload="none" className="h-10 w-64 max-w-full" aria-label={label} />
      </div>
    );
  } else {
    const size = formatFileSize(media?.size, i18n.language);
    preview = (
      <a href={url} target="_blank" rel="noreferrer" download={media?.filename || undefined} className="flex items-center gap-3 rounded-md bg-black/5 px-3 py-2 hover:bg-black/10">
        <FileText className="size-8 shrink-0 text-red-500" aria-hidden />
        <span className="grid min-w-0 grid-cols-1">
          <span className="truncate font-medium text-zinc-900">{media?.filename || label}</span>
          <span className="text-xs text-zinc-500">{[size, media?.mime_type].filter(Boolean).join(' · ')}</span>
        </span>
      </a>
    );
  }
  return (
    <div className="grid gap-1">
      {preview}
      {caption ? <MessageText text={caption} /> : null}
    </div>
  );
}
