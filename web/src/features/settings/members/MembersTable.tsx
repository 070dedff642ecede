import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useSession } from '@/features/auth';
import { useCanManageWorkspace } from '../permissions';
import { useTeams } from '../teams/api';
import type { Member } from './api';
import { AvailabilityLabel } from './AvailabilityLabel';
import { ChatLimitInput } from './ChatLimitInput';
import { MemberRoleSelect } from './MemberRoleSelect';
import { RemoveMemberButton } from './RemoveMemberButton';
import { RoleBadge } from './RoleBadge';

export function MembersTable({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = useCanManageWorkspace();
  const teams = useTeams();
  const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));

  return (
    <Table data-testid="members-table">
      <TableCaption>{t('members.tableCaption')}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t('fields.name')}</TableHead>
          <TableHead className="hidden md:table-cell">{t('fields.email')}</TableHead>
          <TableHead>{t('fields.role')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('fields.availability')}</TableHead>
          <TableHead className="hidden sm:table-cell">{t('fields.chatLimit')}</TableHead>
          <TableHead className="hidden lg:table-cell">{t('fields.teams')}</TableHead>
          {canManage ? (
            <TableHead className="w-12">
              <span className="sr-only">{t('common.actions')}</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const isSelf = member.id === session.member.id;
          const canEdit = canManage && !isSelf;
          return (
            <TableRow key={member.id} data-testid="member-row">
              <TableCell>
                <div className="flex min-w-0 items-center gap-2">
                  <span className="truncate font-medium text-zinc-900">{member.name}</span>
                  {isSelf ? <Badge>{t('members.you')}</Badge> : null}
                </div>
                <div className="truncate text-xs text-zinc-500 md:hidden">{member.email}</div>
              </TableCell>
              <TableCell className="hidden text-zinc-600 md:table-cell">{member.email}</TableCell>
              <TableCell>{canEdit ? <MemberRoleSelect member={member} /> : <RoleBadge role={member.role} />}</TableCell>
              <TableCell className="hidden sm:table-cell">
                <AvailabilityLabel availability={member.availability} />
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                {canManage ? <ChatLimitInput key={member.max_concurrent_chats} member={member} /> : member.max_concurrent_chats}
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <TeamList names={member.team_ids.map((id) => teamNames.get(id)).filter((name) => name !== undefined)} />
              </TableCell>
              {canManage ? <TableCell>{canEdit ? <RemoveMemberButton member={member} /> : null}</TableCell> : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function TeamList({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return <span className="text-zinc-400">{t('members.noTeams')}</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {names.map((name) => (
        <Badge key={name}>{name}</Badge>
      ))}
    </div>
  );
}
