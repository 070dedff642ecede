import { FileText, RefreshCw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { QueryBoundary } from '@/features/settings';
import { useErrorFeedback } from '@/lib/feedback';
import { type Template, useDeleteTemplate, useSyncTemplates, useTemplates } from './api';
import { CreateTemplateDialog } from './CreateTemplateDialog';
import { componentText, templateStatusTone } from './templates';

export function TemplatesCard({ canManage, hasNumbers }: { canManage: boolean; hasNumbers: boolean }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const sync = useSyncTemplates();
  const { showError } = useErrorFeedback();

  function runSync() {
    sync.mutate(undefined, {
      onSuccess: (items) => toast.success(t('templates.synced', { count: items.length })),
      onError: showError,
    });
  }

  const actions = canManage ? (
    <>
      <Button variant="secondary" onClick={runSync} isLoading={sync.isPending} disabled={!hasNumbers} title={hasNumbers ? undefined : t('templates.syncNeedsNumber')}>
        {sync.isPending ? null : <RefreshCw aria-hidden />}
        {t('templates.sync')}
      </Button>
      <CreateTemplateDialog />
    </>
  ) : null;

  return (
    <Card>
      <CardHeader title={t('templates.title')} description={t('templates.description')} actions={actions} />
      <QueryBoundary query={templates}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState
              icon={<FileText />}
              title={t('templates.emptyTitle')}
              description={canManage ? t('templates.emptyDescription') : t('templates.emptyDescriptionReadOnly')}
            />
          ) : (
            <TemplatesTable templates={items} canManage={canManage} />
          )
        }
      </QueryBoundary>
    </Card>
  );
}

function TemplatesTable({ templates, canManage }: { templates: Template[]; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="templates-table">
      <TableCaption>{t('templates.tableCaption')}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t('templates.fields.name')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('templates.fields.category')}</TableHead>
          <TableHead>{t('fields.status')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('templates.fields.body')}</TableHead>
          {canManage ? (
            <TableHead className="w-14">
              <span className="sr-only">{t('common.actions')}</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {templates.map((template) => (
          <TableRow key={template.id}>
            <TableCell>
              <div className="font-mono text-xs font-medium text-zinc-900">{template.name}</div>
              <div className="text-xs text-zinc-500">{template.language}</div>
            </TableCell>
            <TableCell className="hidden text-zinc-600 sm:table-cell">{t(`templates.categories.${template.category}`, template.category)}</TableCell>
            <TableCell>
              <Badge tone={templateStatusTone(template.status)} title={template.rejection_reason ?? undefined}>
                {t(`templates.statuses.${template.status}`, template.status)}
              </Badge>
              {template.rejection_reason ? <div className="mt-1 max-w-48 text-xs text-red-700">{template.rejection_reason}</div> : null}
            </TableCell>
            <TableCell className="hidden max-w-md md:table-cell">
              <p className="line-clamp-2 whitespace-pre-wrap text-zinc-700">{componentText(template, 'BODY')}</p>
            </TableCell>
            {canManage ? (
              <TableCell>
                <DeleteTemplateButton template={template} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function DeleteTemplateButton({ template }: { template: Template }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteTemplate = useDeleteTemplate();
  const { showError } = useErrorFeedback();

  function confirm() {
    deleteTemplate.mutate(template.id, {
      onSuccess: () => toast.success(t('templates.deleted', { name: template.name })),
      onError: showError,
      onSettled: () => setIsConfirming(false),
    });
  }

  return (
    <>
      <Button variant="ghost" size="icon" className="size-8" aria-label={t('templates.deleteFor', { name: template.name })} onClick={() => setIsConfirming(true)}>
        <Trash2 aria-hidden />
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={t('templates.deleteTitle', { name: template.name })}
        description={t('templates.deleteDescription')}
        confirmLabel={t('templates.delete')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={deleteTemplate.isPending}
        onConfirm={confirm}
      />
    </>
  );
}
