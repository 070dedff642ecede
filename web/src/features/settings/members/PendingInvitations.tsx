import { MailPlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/features/auth';
import { formatDateTime, formatRelative } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { QueryBoundary } from '../QueryBoundary';
import { type Invitation, useInvitations, useRevokeInvitation } from './api';
import { RoleBadge } from './RoleBadge';

export function PendingInvitations() {
  const { t } = useTranslation();
  const invitations = useInvitations();
  return (
    <Card aria-labelledby="pending-invitations-title">
      <CardHeader title={<span id="pending-invitations-title">{t('members.pending.title')}</span>} description={t('members.pending.description')} />
      <QueryBoundary query={invitations}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState icon={<MailPlus />} title={t('members.pending.emptyTitle')} description={t('members.pending.emptyDescription')} />
          ) : (
            <ul className="divide-y divide-zinc-100" data-testid="pending-invitations">
              {items.map((invitation) => (
                <InvitationRow key={invitation.id} invitation={invitation} />
              ))}
            </ul>
          )
        }
      </QueryBoundary>
    </Card>
  );
}

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const revoke = useRevokeInvitation();
  const { showError } = useErrorFeedback();

  function revokeInvitation() {
    revoke.mutate(invitation.id, {
      onSuccess: () => toast.success(t('members.pending.revoked', { email: invitation.email })),
      onError: showError,
    });
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
      <div className="grid min-w-0 gap-0.5">
        <div className="flex items-center gap-2">
          <span className="truncate font-medium text-zinc-900">{invitation.email}</span>
          <RoleBadge role={invitation.role} />
        </div>
        <span className="text-xs text-zinc-500" title={formatDateTime(invitation.expires_at, i18n.language, session.workspace.timezone)}>
          {t('members.pending.expires', { when: formatRelative(invitation.expires_at, i18n.language) })}
        </span>
      </div>
      <Button
        variant="secondary"
        size="sm"
        isLoading={revoke.isPending}
        onClick={revokeInvitation}
        aria-label={t('members.pending.revokeFor', { email: invitation.email })}
      >
        {t('members.pending.revoke')}
      </Button>
    </li>
  );
}
