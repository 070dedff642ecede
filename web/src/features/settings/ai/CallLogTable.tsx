import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useSession } from '@/features/auth';
import { cn } from '@/lib/classNames';
import { formatDateTime } from '@/lib/dates';
import type { AiCall } from './api';
import { formatLatency, OUTCOMES, outcomeTone } from './callLog';
import { isTask } from './kinds';
import { providerLabel } from './providerLabel';

/** A table from a tablet up; on a phone, one stacked item per call so nothing hides off-screen. */
export function CallLogTable({ calls, isRefreshing }: { calls: AiCall[]; isRefreshing: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={cn('transition-opacity', isRefreshing && 'opacity-60')} aria-busy={isRefreshing || undefined}>
      <ul className="divide-y divide-zinc-100 sm:hidden" aria-label={t('aiSettings.calls.caption')} data-testid="ai-calls-list">
        {calls.map((call) => (
          <CallItem key={call.id} call={call} />
        ))}
      </ul>
      <Table data-testid="ai-calls" className="hidden sm:table">
        <TableCaption>{t('aiSettings.calls.caption')}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t('aiSettings.calls.columns.time')}</TableHead>
            <TableHead>{t('aiSettings.calls.columns.task')}</TableHead>
            <TableHead>{t('aiSettings.calls.columns.provider')}</TableHead>
            <TableHead className="text-right">{t('aiSettings.calls.columns.latency')}</TableHead>
            <TableHead className="hidden text-right md:table-cell">{t('aiSettings.calls.columns.tokens')}</TableHead>
            <TableHead>{t('aiSettings.calls.columns.outcome')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {calls.map((call) => (
            <CallRow key={call.id} call={call} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function isKnownOutcome(outcome: string): outcome is (typeof OUTCOMES)[number] {
  return (OUTCOMES as readonly string[]).includes(outcome);
}

function CallRow({ call }: { call: AiCall }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const tokens = new Intl.NumberFormat(i18n.language);
  return (
    <TableRow data-testid="ai-call">
      <TableCell className="whitespace-nowrap text-xs text-zinc-600">
        <time dateTime={call.created_at}>{formatDateTime(call.created_at, i18n.language, timezone)}</time>
      </TableCell>
      <TableCell className="whitespace-nowrap">{isTask(call.task) ? t(`aiSettings.tasks.${call.task}`) : call.task}</TableCell>
      <TableCell>
        <span className="block whitespace-nowrap font-medium">{providerLabel(t, call.provider)}</span>
        <span className="block max-w-48 truncate font-mono text-xs text-zinc-500" title={call.model}>
          {call.model}
        </span>
      </TableCell>
      <TableCell className="whitespace-nowrap text-right tabular-nums">{formatLatency(call.latency_ms, i18n.language)}</TableCell>
      <TableCell className="hidden whitespace-nowrap text-right tabular-nums md:table-cell" title={t('aiSettings.calls.tokensTitle')}>
        {tokens.format(call.input_tokens)} / {tokens.format(call.output_tokens)}
      </TableCell>
      <TableCell>
        <CallOutcome call={call} />
      </TableCell>
    </TableRow>
  );
}

function CallItem({ call }: { call: AiCall }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const tokens = new Intl.NumberFormat(i18n.language);
  return (
    <li className="grid gap-1 px-4 py-3 text-sm" data-testid="ai-call-item">
      <div className="flex items-baseline justify-between gap-2">
        <span className="min-w-0 truncate font-medium text-zinc-900">
          {isTask(call.task) ? t(`aiSettings.tasks.${call.task}`) : call.task} · {providerLabel(t, call.provider)}
        </span>
        <span className="shrink-0 tabular-nums text-zinc-700">{formatLatency(call.latency_ms, i18n.language)}</span>
      </div>
      <div className="flex items-baseline justify-between gap-2 text-xs text-zinc-500">
        <span className="min-w-0 truncate font-mono">{call.model}</span>
        <span className="shrink-0 tabular-nums" title={t('aiSettings.calls.tokensTitle')}>
          {tokens.format(call.input_tokens)} / {tokens.format(call.output_tokens)}
        </span>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <CallOutcome call={call} />
        </div>
        <time className="shrink-0 text-xs text-zinc-500" dateTime={call.created_at}>
          {formatDateTime(call.created_at, i18n.language, timezone)}
        </time>
      </div>
    </li>
  );
}

/** The outcome badge, the error in the server's words, and which provider failed before a fallback. */
function CallOutcome({ call }: { call: AiCall }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge tone={outcomeTone(call.outcome)} title={call.error_message ?? undefined}>
        {isKnownOutcome(call.outcome) ? t(`aiSettings.outcomes.${call.outcome}`) : call.outcome}
      </Badge>
      {call.error_message ? (
        <span className="mt-0.5 block max-w-64 truncate text-xs text-red-700" title={call.error_message}>
          {call.error_message}
        </span>
      ) : null}
      {call.is_fallback ? (
        <span className="mt-0.5 block whitespace-nowrap text-xs text-amber-800">
          {call.fallback_from ? t('aiSettings.calls.fallbackFrom', { provider: providerLabel(t, call.fallback_from) }) : t('aiSettings.calls.fallback')}
        </span>
      ) : null}
    </>
  );
}
