import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeKnowledgeEmbedder, readKnowledgeSettings, type KnowledgeSettingsRead } from '@/api';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { OptionSelect } from '@/components/ui/option-select';
import { QueryBoundary } from '@/features/settings';
import { useErrorFeedback } from '@/lib/feedback';
import { reembeddingPercent, settingsPollInterval } from './embedder';
import { TransferProgressBar } from './TransferProgressBar';

const settingsKey = ['knowledge', 'settings'] as const;

/** Which model embeds the documents, and switching it (everything is re-embedded in the background). */
export function EmbedderCard() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: async () => (await readKnowledgeSettings()).data,
    refetchInterval: (query) => settingsPollInterval(query.state.data),
  });
  return (
    <Card data-testid="embedder-card">
      <CardHeader title={t('knowledge.embedder.title')} description={t('knowledge.embedder.description')} />
      <CardBody>
        <QueryBoundary query={settings}>{(data) => <EmbedderForm settings={data} />}</QueryBoundary>
      </CardBody>
    </Card>
  );
}

function EmbedderForm({ settings }: { settings: KnowledgeSettingsRead }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { describeError } = useErrorFeedback();
  const [chosen, setChosen] = useState(settings.embedder);
  const change = useMutation({
    mutationFn: async (embedder: string) => (await changeKnowledgeEmbedder({ body: { embedder } })).data,
    onSuccess: (data) => queryClient.setQueryData(settingsKey, data),
  });
  const label = (name: string) => t(`knowledge.embedder.names.${name}`, { defaultValue: name });
  const progress = settings.reembedding;

  return (
    <div className="grid gap-3 text-sm">
      <p className="text-zinc-700">
        {t('knowledge.embedder.current', { name: label(settings.embedder) })}{' '}
        <span className="font-mono text-xs text-zinc-500">{settings.model}</span>
      </p>
      {progress ? (
        <div className="grid gap-1" data-testid="reembedding-progress">
          <TransferProgressBar percent={reembeddingPercent(settings)} label={t('knowledge.embedder.progressLabel')} />
          <p className="text-xs text-zinc-600">
            {t('knowledge.embedder.progress', { name: label(progress.embedder), done: progress.done, total: progress.total })}
          </p>
          {progress.error ? <p className="text-xs text-amber-800">{progress.error}</p> : null}
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <OptionSelect
            value={chosen}
            onChange={setChosen}
            options={settings.choices.map((name) => ({ value: name, label: label(name) }))}
            aria-label={t('knowledge.embedder.choose')}
          />
          <Button
            variant="secondary"
            size="sm"
            disabled={chosen === settings.embedder}
            isLoading={change.isPending}
            onClick={() => change.mutate(chosen)}
          >
            {t('knowledge.embedder.switch')}
          </Button>
        </div>
      )}
      {settings.choices.length === 1 && !progress ? (
        <p className="text-xs text-zinc-500">{t('knowledge.embedder.onlyOffline')}</p>
      ) : null}
      {change.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {describeError(change.error)}
        </p>
      ) : null}
    </div>
  );
}
