import { PlugZap } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useErrorFeedback } from '@/lib/feedback';
import { type AiProvider, type ConnectionTest, useTestAiProvider } from './api';
import { ConnectionTestResult } from './ConnectionTestResult';
import { maskedKey } from './kinds';
import { EditProviderDialog } from './ProviderDialogs';
import { providerLabel } from './providerLabel';
import { RemoveProviderButton } from './RemoveProviderButton';

export function ProviderRow({ provider, canManage }: { provider: AiProvider; canManage: boolean }) {
  const { t } = useTranslation();
  const name = providerLabel(t, provider.kind);
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const testProvider = useTestAiProvider();
  const { showError } = useErrorFeedback();

  function runTest() {
    setResult(null);
    testProvider.mutate(provider.id, { onSuccess: setResult, onError: showError });
  }

  return (
    <li className="grid gap-3 px-4 py-4 sm:px-6" aria-label={name} data-testid="ai-provider" data-kind={provider.kind}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-0.5">
          <p className="flex flex-wrap items-center gap-2 text-base font-semibold text-zinc-900">
            {name}
            {provider.is_enabled ? null : <Badge tone="warning">{t('aiSettings.providers.disabled')}</Badge>}
          </p>
          <p className="font-mono text-xs text-zinc-600">{provider.model}</p>
        </div>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={runTest} isLoading={testProvider.isPending}>
              {testProvider.isPending ? null : <PlugZap aria-hidden />}
              {testProvider.isPending ? t('aiSettings.test.running') : t('aiSettings.test.button')}
            </Button>
            <EditProviderDialog provider={provider} />
            <RemoveProviderButton provider={provider} />
          </div>
        ) : null}
      </div>
      {result ? <ConnectionTestResult result={result} /> : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <ProviderDetail label={t('aiSettings.fields.baseUrl')} value={provider.base_url} isCode />
        <ProviderDetail label={t('aiSettings.fields.embeddingModel')} value={provider.embedding_model ?? t('aiSettings.providers.noEmbeddings')} isCode={provider.embedding_model !== null} />
        <ProviderDetail label={t('aiSettings.fields.apiKey')} value={maskedKey(provider) ?? t('aiSettings.providers.noKey')} isCode={provider.has_key} />
      </dl>
    </li>
  );
}

function ProviderDetail({ label, value, isCode }: { label: string; value: string; isCode: boolean }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className={isCode ? 'truncate font-mono text-xs text-zinc-800' : 'truncate text-sm text-zinc-600'} title={value}>
        {value}
      </dd>
    </div>
  );
}
