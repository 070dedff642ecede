import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { useCanManageWorkspace } from '@/features/settings';
import { DocumentsCard } from './DocumentsCard';
import { EmbedderCard } from './EmbedderCard';
import { TryQuestionCard } from './TryQuestionCard';
import { UploadDocumentsCard } from './UploadDocumentsCard';

export function KnowledgePage() {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  return (
    <>
      <PageHeader title={t('knowledge.title')} description={canManage ? t('knowledge.description') : t('knowledge.descriptionReadOnly')} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:items-start">
        <div className="grid min-w-0 gap-6">
          {canManage ? <UploadDocumentsCard /> : null}
          <DocumentsCard canManage={canManage} />
        </div>
        <div className="grid min-w-0 gap-6">
          <TryQuestionCard />
          {canManage ? <EmbedderCard /> : null}
        </div>
      </div>
    </>
  );
}
