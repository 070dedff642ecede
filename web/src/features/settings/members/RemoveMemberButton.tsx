import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { type Member, useRemoveMember } from './api';

export function RemoveMemberButton({ member }: { member: Member }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const removeMember = useRemoveMember();
  const { showError } = useErrorFeedback();

  function remove() {
    removeMember.mutate(member.id, {
      onSuccess: () => {
        setIsConfirming(false);
        toast.success(t('members.removed', { name: member.name }));
      },
      onError: (error) => {
        setIsConfirming(false);
        showError(error);
      },
    });
  }

  return (
    <>
      <Button variant="ghost" size="icon" aria-label={t('members.removeMember', { name: member.name })} onClick={() => setIsConfirming(true)}>
        <Trash2 aria-hidden />
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={t('members.removeTitle', { name: member.name })}
        description={t('members.removeDescription')}
        confirmLabel={t('members.removeConfirm')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={removeMember.isPending}
        onConfirm={remove}
      />
    </>
  );
}
