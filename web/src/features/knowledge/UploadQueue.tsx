import { CircleCheck, CircleX, FileText, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '@/api';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/classNames';
import { useDocuments } from './api';
import { formatFileSize, type KnowledgeDocument } from './documents';
import { TransferProgressBar } from './TransferProgressBar';
import type { UploadItem } from './uploads';
import { useFileCheckMessage } from './useFileCheckMessage';

type UploadQueueProps = {
  items: UploadItem[];
  onCancel: (id: string) => void;
  onDismiss: (id: string) => void;
};

/** Every picked file with its own progress bar, or the reason it was not (or could not be) sent. */
export function UploadQueue({ items, onCancel, onDismiss }: UploadQueueProps) {
  const { t } = useTranslation();
  const documents = useDocuments().data;
  if (items.length === 0) return null;
  return (
    <ul className="grid grid-cols-1 gap-2" aria-label={t('knowledge.upload.queueLabel')} data-testid="upload-queue">
      {items.map((item) => (
        <UploadItemRow
          key={item.id}
          item={item}
          document={item.documentId ? documents?.find((document) => document.id === item.documentId) : undefined}
          onCancel={onCancel}
          onDismiss={onDismiss}
        />
      ))}
    </ul>
  );
}

type UploadItemRowProps = {
  item: UploadItem;
  /** The document the upload became, while it is still in the list. */
  document?: KnowledgeDocument;
  onCancel: (id: string) => void;
  onDismiss: (id: string) => void;
};

function UploadItemRow({ item, document, onCancel, onDismiss }: UploadItemRowProps) {
  const { t, i18n } = useTranslation();
  const fileCheckMessage = useFileCheckMessage();
  const isActive = item.state === 'queued' || item.state === 'uploading';
  const problem = item.rejection ? fileCheckMessage(item.name, item.rejection) : item.error;
  const isProblem = item.state === 'rejected' || item.state === 'failed';

  return (
    <li
      className={cn('grid min-w-0 grid-cols-1 gap-1.5 rounded-lg border px-3 py-2', isProblem ? 'border-red-200 bg-red-50/60' : 'border-zinc-200 bg-white')}
      aria-label={item.name}
    >
      <div className="flex items-center gap-2">
        <UploadStateIcon state={item.state} documentStatus={document?.status} />
        <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900" title={item.name}>
          {item.name}
        </span>
        <span className="shrink-0 text-xs text-zinc-500">{formatFileSize(item.size, i18n.language)}</span>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className="size-7"
          aria-label={isActive ? t('knowledge.upload.cancelFor', { name: item.name }) : t('knowledge.upload.dismissFor', { name: item.name })}
          onClick={() => (isActive ? onCancel(item.id) : onDismiss(item.id))}
        >
          <X aria-hidden />
        </Button>
      </div>
      {item.state === 'uploading' || item.state === 'queued' ? (
        <TransferProgressBar percent={item.percent} label={t('knowledge.upload.progressFor', { name: item.name })} />
      ) : null}
      <p className={cn('text-xs', isProblem ? 'font-medium text-red-700' : 'text-zinc-600')} role={isProblem ? 'alert' : undefined}>
        {isProblem ? problem : document ? t(`knowledge.upload.document.${document.status}`) : t(`knowledge.upload.state.${item.state}`, { percent: item.percent })}
      </p>
    </li>
  );
}

function UploadStateIcon({ state, documentStatus }: { state: UploadItem['state']; documentStatus?: DocumentStatus }) {
  if (documentStatus === 'processing') return <Spinner className="size-4 shrink-0 text-amber-600" />;
  if (documentStatus === 'failed') return <CircleX className="size-4 shrink-0 text-red-600" aria-hidden />;
  if (state === 'uploaded') return <CircleCheck className="size-4 shrink-0 text-emerald-600" aria-hidden />;
  if (state === 'failed' || state === 'rejected') return <CircleX className="size-4 shrink-0 text-red-600" aria-hidden />;
  return <FileText className="size-4 shrink-0 text-zinc-500" aria-hidden />;
}
