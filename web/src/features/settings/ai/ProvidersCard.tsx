import { Cpu, Sparkles } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryBoundary } from '../QueryBoundary';
import { AddProviderDialog } from './ProviderDialogs';
import { ProviderRow } from './ProviderRow';
import { useAiProviders } from './api';

export function ProvidersCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const providers = useAiProviders();
  const configured = providers.data ?? [];
  return (
    <Card>
      <CardHeader
        title={t('aiSettings.providers.title')}
        description={t('aiSettings.providers.description')}
        actions={canManage && configured.length > 0 ? <AddProviderDialog configured={configured} /> : null}
      />
      <QueryBoundary query={providers}>
        {(items) => (
          <>
            {items.length === 0 ? (
              <EmptyState
                icon={<Sparkles />}
                title={t('aiSettings.providers.emptyTitle')}
                description={canManage ? t('aiSettings.providers.emptyDescription') : t('aiSettings.providers.emptyDescriptionReadOnly')}
                action={canManage ? <AddProviderDialog configured={items} /> : null}
              />
            ) : (
              <ul className="divide-y divide-zinc-100" data-testid="ai-providers">
                {items.map((provider) => (
                  <ProviderRow key={provider.id} provider={provider} canManage={canManage} />
                ))}
              </ul>
            )}
            <OfflineProviderRow />
          </>
        )}
      </QueryBoundary>
    </Card>
  );
}

/** The built-in provider: always there, nothing to configure, honest about what it cannot do. */
function OfflineProviderRow() {
  const { t } = useTranslation();
  return (
    <div className="flex items-start gap-3 border-t border-zinc-100 bg-zinc-50/60 px-4 py-4 sm:px-6" data-testid="offline-provider">
      <Cpu className="mt-0.5 size-5 shrink-0 text-zinc-500" aria-hidden />
      <div className="grid min-w-0 gap-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-zinc-900">
          {t('aiSettings.kinds.local')}
          <Badge>{t('aiSettings.providers.alwaysOn')}</Badge>
        </p>
        <p className="text-sm text-zinc-600">{t('aiSettings.providers.offlineCan')}</p>
        <p className="text-sm text-zinc-600">{t('aiSettings.providers.offlineCannot')}</p>
      </div>
    </div>
  );
}
