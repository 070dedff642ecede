import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useCanManageWorkspace } from '../permissions';
import { QueryBoundary } from '../QueryBoundary';
import { useMembers } from './api';
import { InviteMemberDialog } from './InviteMemberDialog';
import { MembersTable } from './MembersTable';
import { PendingInvitations } from './PendingInvitations';

export function MembersPage() {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  const members = useMembers();

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={canManage ? t('members.description') : t('members.descriptionReadOnly')}
        actions={canManage ? <InviteMemberDialog /> : null}
      />
      <div className="grid gap-6">
        <Card>
          <QueryBoundary query={members}>{(items) => <MembersTable members={items} />}</QueryBoundary>
        </Card>
        {canManage ? <PendingInvitations /> : null}
      </div>
    </>
  );
}
