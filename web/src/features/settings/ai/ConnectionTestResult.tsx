import { CircleCheck, CircleX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cn } from '@/lib/classNames';
import type { ConnectionTest } from './api';
import { formatLatency } from './callLog';

/** The answer of "Test connection", in place: what the server said, and how long it took when it worked. */
export function ConnectionTestResult({ result }: { result: ConnectionTest }) {
  const { t, i18n } = useTranslation();
  const Icon = result.ok ? CircleCheck : CircleX;
  return (
    <p
      role="status"
      data-testid="connection-test-result"
      className={cn(
        'flex items-start gap-2 rounded-md px-3 py-2 text-sm',
        result.ok ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-800',
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span className="min-w-0 break-words">
        {result.ok ? t('aiSettings.test.ok') : t('aiSettings.test.failed')} {result.message}
        {result.ok && result.latency_ms != null ? (
          <span className="text-emerald-800"> · {t('aiSettings.test.latency', { latency: formatLatency(result.latency_ms, i18n.language) })}</span>
        ) : null}
      </span>
    </p>
  );
}
