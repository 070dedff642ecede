import { CircleAlert, FileText, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { useSession } from '@/features/auth';
import { formatDateTime, formatRelative } from '@/lib/dates';
import { DeleteDocumentButton } from './DeleteDocumentButton';
import { formatFileSize, type KnowledgeDocument, kindLabel } from './documents';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import { ReplaceDocumentButton } from './ReplaceDocumentButton';
import { TransferProgressBar } from './TransferProgressBar';
import { useReplaceDocument } from './useReplaceDocument';

type DocumentRowProps = {
  document: KnowledgeDocument;
  canManage: boolean;
  /** A new version of this document, still processing: this one answers until it is ready. */
  pendingReplacement?: KnowledgeDocument;
  /** The document this one replaces, if it is still there. */
  replaced?: KnowledgeDocument;
};

export function DocumentRow({ document, canManage, pendingReplacement, replaced }: DocumentRowProps) {
  const { t, i18n } = useTranslation();
  const { replace, percent } = useReplaceDocument(document);

  return (
    <li className="grid gap-2 px-4 py-3 sm:px-6" aria-label={document.filename} data-testid="document-row">
      <div className="flex items-start gap-3">
        <FileText className="mt-0.5 size-5 shrink-0 text-zinc-400" aria-hidden />
        <div className="grid min-w-0 flex-1 gap-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <p className="min-w-0 text-sm font-medium text-zinc-900 [overflow-wrap:anywhere]">{document.filename}</p>
            <DocumentStatusBadge status={document.status} />
            {document.collection ? <Badge tone="neutral">{document.collection}</Badge> : null}
          </div>
          <DocumentFacts document={document} locale={i18n.language} />
        </div>
        {canManage ? (
          <div className="-mr-2 flex shrink-0 items-center">
            {document.status !== 'processing' && !pendingReplacement ? (
              <ReplaceDocumentButton filename={document.filename} isFailed={document.status === 'failed'} isBusy={percent !== null} onFile={(file) => void replace(file)} />
            ) : null}
            <DeleteDocumentButton document={document} />
          </div>
        ) : null}
      </div>
      {percent !== null ? (
        <div className="grid gap-1 pl-8" role="status">
          <TransferProgressBar percent={percent} label={t('knowledge.upload.progressFor', { name: document.filename })} />
          <p className="text-xs text-zinc-600">{t('knowledge.replace.uploading', { percent })}</p>
        </div>
      ) : null}
      {document.status === 'failed' ? (
        <p className="ml-8 flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="document-error">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>{document.error_message ?? t('knowledge.status.failedUnknown')}</span>
        </p>
      ) : null}
      <ReplacementNote document={document} pendingReplacement={pendingReplacement} replaced={replaced} />
    </li>
  );
}

function DocumentFacts({ document, locale }: { document: KnowledgeDocument; locale: string }) {
  const { t } = useTranslation();
  const { workspace } = useSession();
  const kind = kindLabel(document.kind);
  const facts = [
    kind,
    formatFileSize(document.size, locale),
    document.status === 'ready' && document.kind === 'pdf' ? t('knowledge.facts.pages', { count: document.pages }) : null,
    document.status === 'ready' ? t('knowledge.facts.chunks', { count: document.chunk_count }) : null,
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <p className="text-xs text-zinc-500">
      {facts.join(' · ')}
      {' · '}
      <time dateTime={document.created_at} title={formatDateTime(document.created_at, locale, workspace.timezone)}>
        {t('knowledge.facts.uploaded', { when: formatRelative(document.created_at, locale) })}
      </time>
    </p>
  );
}

function ReplacementNote({ document, pendingReplacement, replaced }: Omit<DocumentRowProps, 'canManage'>) {
  const { t } = useTranslation();
  let note: string | null = null;
  if (pendingReplacement) note = t('knowledge.replace.oldStillAnswers');
  else if (replaced && document.status === 'processing') note = t('knowledge.replace.newVersionOf', { name: replaced.filename });
  else if (replaced && document.status === 'failed') note = t('knowledge.replace.newVersionFailed', { name: replaced.filename });
  if (!note) return null;
  return (
    <p className="ml-8 flex items-start gap-2 text-xs text-zinc-600">
      <RefreshCw className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>{note}</span>
    </p>
  );
}
