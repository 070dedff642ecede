import { Check, CheckCheck, CircleAlert, Clock3 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRead } from '@/api';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useSession } from '@/features/auth';
import { formatTime } from '@/lib/dates';
import { deliverySteps, tickState } from './messageStatus';

/** ✓ sent, ✓✓ delivered, blue ✓✓ read, a clock while queued, a red mark with the reason when it failed. */
export function DeliveryTicks({ message }: { message: MessageRead }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const state = tickState(message);
  if (state === 'none') return null;
  if (state === 'failed') return <FailedMark message={message} />;

  const times = deliverySteps(message)
    .map((step) => t(`inbox.ticks.stepAt.${step.state}`, { time: formatTime(step.at, i18n.language, timezone) }))
    .join(' · ');
  const label = t(`inbox.ticks.${state}`);
  const title = times ? `${label} — ${times}` : label;
  const className = 'size-4 shrink-0';
  return (
    <span className="inline-flex" title={title} data-testid="message-ticks" data-state={state}>
      {state === 'queued' ? <Clock3 className="size-3.5 shrink-0 text-zinc-500" aria-hidden /> : null}
      {state === 'sent' ? <Check className={`${className} text-zinc-500`} aria-hidden /> : null}
      {state === 'delivered' ? <CheckCheck className={`${className} text-zinc-500`} aria-hidden /> : null}
      {state === 'read' ? <CheckCheck className={`${className} text-sky-500`} aria-hidden /> : null}
      <span className="sr-only">{label}</span>
    </span>
  );
}

function FailedMark({ message }: { message: MessageRead }) {
  const { t } = useTranslation();
  // Hovering shows the reason; a tap or click keeps it open until dismissed.
  const [isHovered, setIsHovered] = useState(false);
  const [isPinned, setIsPinned] = useState(false);
  const error = message.error;
  return (
    <Popover
      open={isHovered || isPinned}
      onOpenChange={(open) => {
        if (!open && isHovered && !isPinned) {
          setIsPinned(true); // a click on what hovering opened keeps it open
          return;
        }
        setIsPinned(open);
        if (!open) setIsHovered(false);
      }}
    >
      <PopoverTrigger
        className="inline-flex items-center gap-0.5 rounded text-xs font-medium text-red-600 hover:underline"
        onPointerEnter={(event) => event.pointerType === 'mouse' && setIsHovered(true)}
        onPointerLeave={(event) => event.pointerType === 'mouse' && setIsHovered(false)}
        data-testid="message-ticks"
        data-state="failed"
      >
        <CircleAlert className="size-4" aria-hidden />
        {t('inbox.ticks.failed')}
      </PopoverTrigger>
      <PopoverContent className="w-72" align="end" onOpenAutoFocus={(event) => event.preventDefault()} data-testid="failure-details">
        <p className="font-semibold text-red-700">{error?.title || t('inbox.ticks.failedTitle')}</p>
        {error?.detail ? <p className="mt-1 text-zinc-700">{error.detail}</p> : null}
        {error?.hint ? <p className="mt-2 rounded-md bg-zinc-50 px-2 py-1.5 text-zinc-700">{error.hint}</p> : null}
        {error?.code ? <p className="mt-2 text-xs text-zinc-500">{t('inbox.ticks.errorCode', { code: error.code })}</p> : null}
      </PopoverContent>
    </Popover>
  );
}
