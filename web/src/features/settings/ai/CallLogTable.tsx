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

export function CallLogTable({ calls, isRefreshing }: { calls: AiCall[]; isRefreshing: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={cn('transition-opacity', isRefreshing && 'opacity-60')} aria-busy={isRefreshing || undefined}>
      <Table data-testid="ai-calls">
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
      </TableCell>
    </TableRow>
  );
}
