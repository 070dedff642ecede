import { CircleCheck, CircleX, Phone, PlugZap, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { QueryBoundary, useTeams } from '@/features/settings';
import { useErrorFeedback } from '@/lib/feedback';
import { AddNumberDialog } from './AddNumberDialog';
import { EditNumberDialog } from './EditNumberDialog';
import { type ConnectionTestResult, useDeleteNumber, useNumbers, useTestNumber, type WhatsAppNumber } from './api';

export function NumbersCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  return (
    <Card>
      <CardHeader
        title={t('numbers.title')}
        description={t('numbers.description')}
        actions={canManage && numbers.data?.length ? <AddNumberDialog /> : null}
      />
      <QueryBoundary query={numbers}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState
              icon={<Phone />}
              title={t('numbers.emptyTitle')}
              description={canManage ? t('numbers.emptyDescription') : t('numbers.emptyDescriptionReadOnly')}
              action={canManage ? <AddNumberDialog /> : null}
            />
          ) : (
            <ul className="divide-y divide-zinc-100" data-testid="numbers-list">
              {items.map((number) => (
                <NumberRow key={number.id} number={number} canManage={canManage} />
              ))}
            </ul>
          )
        }
      </QueryBoundary>
    </Card>
  );
}

function NumberRow({ number, canManage }: { number: WhatsAppNumber; canManage: boolean }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const testNumber = useTestNumber();
  const { showError } = useErrorFeedback();
  const teamName = teams.data?.find((team) => team.id === number.default_team_id)?.name;

  function runTest() {
    setResult(null);
    testNumber.mutate(number.id, { onSuccess: setResult, onError: showError });
  }

  return (
    <li className="grid gap-3 px-4 py-4 sm:px-6" aria-label={number.display_phone_number}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 grid-cols-1 gap-0.5">
          <p className="text-base font-semibold text-zinc-900">{number.display_phone_number}</p>
          <p className="text-sm text-zinc-600">
            {number.label || t('numbers.noLabel')}
            {teamName ? <span className="text-zinc-400"> · {t('numbers.routesTo', { team: teamName })}</span> : null}
          </p>
        </div>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={runTest} isLoading={testNumber.isPending}>
              {testNumber.isPending ? null : <PlugZap aria-hidden />}
              {t('numbers.test')}
            </Button>
            <EditNumberDialog number={number} />
            <RemoveNumberButton number={number} />
          </div>
        ) : null}
      </div>
      {result ? (
        <p
          role="status"
          className={
            result.ok
              ? 'flex items-start gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900'
              : 'flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800'
          }
        >
          {result.ok ? <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden /> : <CircleX className="mt-0.5 size-4 shrink-0" aria-hidden />}
          <span>
            {result.message}
            {result.verified_name ? <span className="block text-xs">{t('numbers.verifiedName', { name: result.verified_name })}</span> : null}
          </span>
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Detail label={t('numbers.fields.phoneNumberId')} value={number.phone_number_id} />
        <Detail label={t('numbers.fields.wabaId')} value={number.waba_id} />
        <Detail label={t('numbers.fields.graphBaseUrl')} value={`${number.graph_base_url} (${number.api_version})`} />
        <div className="grid min-w-0 gap-0.5 sm:col-span-2">
          <dt className="text-xs font-medium text-zinc-500">{t('numbers.webhookUrl')}</dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-2">
            <code className="min-w-0 break-all rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800" data-testid="webhook-url">
              {number.webhook_url}
            </code>
            <CopyButton
              value={number.webhook_url}
              label={t('common.copy')}
              copiedLabel={t('common.copied')}
              onCopyFailed={() => toast.error(t('errors.copyFailed'))}
            />
          </dd>
        </div>
      </dl>
    </li>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid min-w-0 grid-cols-1 gap-0.5">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="truncate font-mono text-xs text-zinc-800" title={value}>
        {value}
      </dd>
    </div>
  );
}

function RemoveNumberButton({ number }: { number: WhatsAppNumber }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteNumber = useDeleteNumber();
  const { showError } = useErrorFeedback();

  function confirm() {
    deleteNumber.mutate(number.id, {
      onSuccess: () => toast.success(t('numbers.removed', { number: number.display_phone_number })),
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
        aria-label={t('numbers.removeFor', { number: number.display_phone_number })}
        onClick={() => setIsConfirming(true)}
      >
        <Trash2 aria-hidden />
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={t('numbers.removeTitle', { number: number.display_phone_number })}
        description={t('numbers.removeDescription')}
        confirmLabel={t('numbers.remove')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={deleteNumber.isPending}
        onConfirm={confirm}
      />
    </>
  );
}
