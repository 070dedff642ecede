import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { QueryBoundary } from '../QueryBoundary';
import { useAiRouting } from './api';
import { IntentExamplesEditor } from './IntentExamplesEditor';
import { INTENTS } from './intentExamples';

export function IntentExamplesCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const routing = useAiRouting();
  return (
    <Card>
      <CardHeader title={t('aiSettings.intents.title')} description={t('aiSettings.intents.description')} />
      <CardBody className="grid gap-4">
        <p className="flex items-start gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          <Languages className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t('aiSettings.intents.builtIn')}
        </p>
        <QueryBoundary query={routing}>
          {(data) => (
            <div className="grid gap-4 lg:grid-cols-2" data-testid="intent-examples">
              {INTENTS.map((intent) => (
                <IntentExamplesEditor key={`${intent}:${(data.intent_examples[intent] ?? []).join('\n')}`} intent={intent} routing={data} canManage={canManage} />
              ))}
            </div>
          )}
        </QueryBoundary>
      </CardBody>
    </Card>
  );
}
