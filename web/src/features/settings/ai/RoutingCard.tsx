import { Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { QueryBoundary } from '../QueryBoundary';
import { useAiProviders, useAiRouting } from './api';
import { TASKS } from './kinds';
import { TaskRouting } from './TaskRouting';

export function RoutingCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const routing = useAiRouting();
  const providers = useAiProviders();
  return (
    <Card>
      <CardHeader title={t('aiSettings.routing.title')} description={t('aiSettings.routing.description')} />
      <CardBody className="grid gap-4">
        <OfflineNote />
        <QueryBoundary query={routing}>
          {(data) => (
            <div className="grid gap-4 lg:grid-cols-2" data-testid="ai-routing">
              {TASKS.map((task) => (
                <TaskRouting key={task} task={task} routing={data} providers={providers.data ?? []} canManage={canManage} />
              ))}
            </div>
          )}
        </QueryBoundary>
      </CardBody>
    </Card>
  );
}

/** Said plainly: what the offline provider covers and what needs a cloud provider. */
function OfflineNote() {
  const { t } = useTranslation();
  return (
    <div className="flex items-start gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="offline-note">
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="grid gap-1">
        <p>{t('aiSettings.routing.offlineLastResort')}</p>
        <p className="font-medium">{t('aiSettings.routing.needsCloud')}</p>
      </div>
    </div>
  );
}
