import { BookOpen } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryBoundary } from '@/features/settings';
import { useDocuments } from './api';
import { DocumentRow } from './DocumentRow';
import { type KnowledgeDocument, pendingReplacements } from './documents';

export function DocumentsCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const documents = useDocuments();
  return (
    <Card>
      <CardHeader
        title={t('knowledge.documents.title')}
        description={
          documents.data?.length
            ? t('knowledge.documents.count', { count: documents.data.length })
            : t('knowledge.documents.description')
        }
      />
      <QueryBoundary query={documents}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState
              icon={<BookOpen />}
              title={t('knowledge.documents.emptyTitle')}
              description={canManage ? t('knowledge.documents.emptyDescription') : t('knowledge.documents.emptyDescriptionReadOnly')}
            />
          ) : (
            <DocumentList documents={items} canManage={canManage} />
          )
        }
      </QueryBoundary>
    </Card>
  );
}

function DocumentList({ documents, canManage }: { documents: KnowledgeDocument[]; canManage: boolean }) {
  const { t } = useTranslation();
  const pending = useMemo(() => pendingReplacements(documents), [documents]);
  const byId = useMemo(() => new Map(documents.map((document) => [document.id, document])), [documents]);
  return (
    <ul className="divide-y divide-zinc-100" aria-label={t('knowledge.documents.title')} data-testid="documents-list">
      {documents.map((document) => (
        <DocumentRow
          key={document.id}
          document={document}
          canManage={canManage}
          pendingReplacement={pending.get(document.id)}
          replaced={document.replaces_id ? byId.get(document.replaces_id) : undefined}
        />
      ))}
    </ul>
  );
}
