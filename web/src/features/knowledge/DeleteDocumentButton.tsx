import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { useDeleteDocument } from './api';
import type { KnowledgeDocument } from './documents';

export function DeleteDocumentButton({ document }: { document: KnowledgeDocument }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteDocument = useDeleteDocument();
  const { showError } = useErrorFeedback();

  function confirm() {
    deleteDocument.mutate(document.id, {
      onSuccess: () => toast.success(t('knowledge.delete.done', { name: document.filename })),
      onError: showError,
      onSettled: () => setIsConfirming(false),
    });
  }

  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className="size-8"
        aria-label={t('knowledge.delete.labelFor', { name: document.filename })}
        title={t('knowledge.delete.action')}
        onClick={() => setIsConfirming(true)}
      >
        <Trash2 aria-hidden />
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={<span className="[overflow-wrap:anywhere]">{t('knowledge.delete.title', { name: document.filename })}</span>}
        description={t('knowledge.delete.description', { count: document.chunk_count })}
        confirmLabel={t('knowledge.delete.action')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={deleteDocument.isPending}
        onConfirm={confirm}
      />
    </>
  );
}
