import { useQueryClient } from '@tanstack/react-query';
import { WifiOff } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refreshTemplates } from '@/features/whatsapp';
import { type StreamHandlers, useEventStream } from '@/lib/realtime';
import { useMyMemberId } from './api';
import { applyInboxEvent, INBOX_EVENT_TYPES } from './liveCache';
import { inboxKeys } from './queryKeys';

export const INBOX_EVENTS_URL = '/api/v1/inbox/events';
const BANNER_DELAY_MS = 1_000;

/**
 * Keeps the inbox live for the whole signed-in app: events go straight into the query cache (a
 * template's review outcome reloads the template lists); after an interruption the open inbox views
 * and templates are reloaded once, in case events were missed.
 */
export function InboxLiveUpdates() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const myMemberId = useMyMemberId();
  const handlers = useMemo<StreamHandlers>(
    () => ({
      ...Object.fromEntries(INBOX_EVENT_TYPES.map((type) => [type, (data: unknown) => applyInboxEvent(queryClient, type, data, myMemberId)])),
      'templates.changed': () => void refreshTemplates(queryClient),
    }),
    [queryClient, myMemberId],
  );
  const status = useEventStream(INBOX_EVENTS_URL, handlers, {
    onReconnected: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      void refreshTemplates(queryClient);
    },
  });

  // A blip shorter than a second is not worth a banner.
  const [isLate, setIsLate] = useState(false);
  useEffect(() => {
    if (status !== 'reconnecting') return;
    const timer = window.setTimeout(() => setIsLate(true), BANNER_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      setIsLate(false);
    };
  }, [status]);

  if (status !== 'reconnecting' || !isLate) return null;
  return (
    <div
      role="status"
      data-testid="reconnecting-banner"
      title={t('inbox.reconnectingDetail')}
      className="flex shrink-0 items-center gap-1.5 rounded-full border border-amber-200 bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900"
    >
      <WifiOff className="size-3.5" aria-hidden />
      {t('inbox.reconnecting')}
      <span className="sr-only">{t('inbox.reconnectingDetail')}</span>
    </div>
  );
}
