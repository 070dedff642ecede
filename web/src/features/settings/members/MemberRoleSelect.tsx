import { useTranslation } from 'react-i18next';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { type Role, useSession } from '@/features/auth';
import { useErrorFeedback } from '@/lib/feedback';
import { type Member, useUpdateMember } from './api';
import { assignableRoles } from './roles';

export function MemberRoleSelect({ member }: { member: Member }) {
  const { t } = useTranslation();
  const session = useSession();
  const updateMember = useUpdateMember();
  const { showError } = useErrorFeedback();
  const roles = assignableRoles(session.member.role);
  const isLocked = !roles.includes(member.role);

  function changeRole(role: string) {
    updateMember.mutate(
      { memberId: member.id, changes: { role: role as Role } },
      {
        onSuccess: (updated) => toast.success(t('members.roleChanged', { name: updated.name, role: t(`roles.${updated.role}`) })),
        onError: showError,
      },
    );
  }

  return (
    <Select value={member.role} onValueChange={changeRole} disabled={isLocked || updateMember.isPending}>
      <SelectTrigger className="h-8 w-28" aria-label={t('members.roleFor', { name: member.name })}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {(isLocked ? [member.role] : roles).map((role) => (
          <SelectItem key={role} value={role}>
            {t(`roles.${role}`)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
