import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { type AiProvider, useDeleteAiProvider } from './api';
import { providerLabel } from './providerLabel';

export function RemoveProviderButton({ provider }: { provider: AiProvider }) {
  const { t } = useTranslation();
  const name = providerLabel(t, provider.kind);
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteProvider = useDeleteAiProvider();
  const { showError } = useErrorFeedback();

  function confirm() {
    deleteProvider.mutate(provider.id, {
      onSuccess: () => toast.success(t('aiSettings.providers.removed', { name })),
      onError: showError,
      onSettled: () => setIsConfirming(false),
    });
  }

  return (
    <>
      <Button variant="ghost" size="icon" className="size-8" aria-label={t('aiSettings.providers.removeFor', { name })} onClick={() => setIsConfirming(true)}>
        <Trash2 aria-hidden />
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={t('aiSettings.providers.removeTitle', { name })}
        description={t('aiSettings.providers.removeDescription')}
        confirmLabel={t('aiSettings.providers.remove')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={deleteProvider.isPending}
        onConfirm={confirm}
      />
    </>
  );
}
