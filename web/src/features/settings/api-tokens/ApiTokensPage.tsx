import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/features/auth';
import { formatDateTime, formatRelative } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { RoleBadge } from '../members/RoleBadge';
import { useCanManageWorkspace } from '../permissions';
import { QueryBoundary } from '../QueryBoundary';
import { type ApiToken, useApiTokens, useRevokeApiToken } from './api';
import { CreateApiTokenDialog } from './CreateApiTokenDialog';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  const tokens = useApiTokens();

  return (
    <>
      <PageHeader
        title={t('apiTokens.title')}
        description={t('apiTokens.description')}
        actions={canManage ? <CreateApiTokenDialog /> : null}
      />
      <Card>
        <QueryBoundary query={tokens}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState
                icon={<KeyRound />}
                title={t('apiTokens.emptyTitle')}
                description={canManage ? t('apiTokens.emptyDescription') : t('apiTokens.emptyDescriptionReadOnly')}
              />
            ) : (
              <ApiTokensTable tokens={items} canManage={canManage} />
            )
          }
        </QueryBoundary>
      </Card>
    </>
  );
}

function ApiTokensTable({ tokens, canManage }: { tokens: ApiToken[]; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Table>
      <TableCaption>{t('apiTokens.tableCaption')}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t('fields.name')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('fields.prefix')}</TableHead>
          <TableHead className="hidden lg:table-cell">{t('fields.permissions')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('fields.created')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('fields.lastUsed')}</TableHead>
          <TableHead>{t('fields.status')}</TableHead>
          {canManage ? (
            <TableHead className="w-24">
              <span className="sr-only">{t('common.actions')}</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((token) => (
          <ApiTokenRow key={token.id} token={token} canManage={canManage} />
        ))}
      </TableBody>
    </Table>
  );
}

function ApiTokenRow({ token, canManage }: { token: ApiToken; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const isRevoked = token.revoked_at != null;

  return (
    <TableRow>
      <TableCell className="font-medium text-zinc-900">{token.name}</TableCell>
      <TableCell className="hidden sm:table-cell">
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">{token.prefix}…</code>
      </TableCell>
      <TableCell className="hidden lg:table-cell">
        <RoleBadge role={token.role} />
      </TableCell>
      <TableCell className="hidden text-zinc-600 md:table-cell">
        <time dateTime={token.created_at}>{formatDateTime(token.created_at, i18n.language, timezone)}</time>
      </TableCell>
      <TableCell className="hidden text-zinc-600 md:table-cell">
        {token.last_used_at ? (
          <time dateTime={token.last_used_at} title={formatDateTime(token.last_used_at, i18n.language, timezone)}>
            {formatRelative(token.last_used_at, i18n.language)}
          </time>
        ) : (
          t('apiTokens.neverUsed')
        )}
      </TableCell>
      <TableCell>
        {isRevoked ? (
          <Badge tone="danger" title={formatDateTime(token.revoked_at!, i18n.language, timezone)}>
            {t('apiTokens.revoked')}
          </Badge>
        ) : (
          <Badge tone="accent">{t('apiTokens.active')}</Badge>
        )}
      </TableCell>
      {canManage ? <TableCell>{isRevoked ? null : <RevokeTokenButton token={token} />}</TableCell> : null}
    </TableRow>
  );
}

function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const revoke = useRevokeApiToken();
  const { showError } = useErrorFeedback();

  function confirmRevoke() {
    revoke.mutate(token.id, {
      onSuccess: () => toast.success(t('apiTokens.revokedToast', { name: token.name })),
      onError: showError,
      onSettled: () => setIsConfirming(false),
    });
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setIsConfirming(true)} aria-label={t('apiTokens.revokeFor', { name: token.name })}>
        {t('apiTokens.revoke')}
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={t('apiTokens.revokeTitle', { name: token.name })}
        description={t('apiTokens.revokeDescription')}
        confirmLabel={t('apiTokens.revoke')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={revoke.isPending}
        onConfirm={confirmRevoke}
      />
    </>
  );
}
