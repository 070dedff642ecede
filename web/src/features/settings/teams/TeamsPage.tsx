import { Pencil, Plus, Trash2, UsersRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { useMembers } from '../members/api';
import { useCanManageWorkspace } from '../permissions';
import { QueryBoundary } from '../QueryBoundary';
import { type Team, useDeleteTeam, useTeams } from './api';
import { TeamDialog } from './TeamDialog';

export function TeamsPage() {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  const teams = useTeams();
  const [isCreating, setIsCreating] = useState(false);

  const createButton = (
    <Button onClick={() => setIsCreating(true)}>
      <Plus aria-hidden />
      {t('teams.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('teams.title')} description={t('teams.description')} actions={canManage ? createButton : null} />
      <Card>
        <QueryBoundary query={teams}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState
                icon={<UsersRound />}
                title={t('teams.emptyTitle')}
                description={canManage ? t('teams.emptyDescription') : t('teams.emptyDescriptionReadOnly')}
                action={canManage ? createButton : null}
              />
            ) : (
              <TeamsTable teams={items} canManage={canManage} />
            )
          }
        </QueryBoundary>
      </Card>
      {canManage ? <TeamDialog isOpen={isCreating} onOpenChange={setIsCreating} /> : null}
    </>
  );
}

function TeamsTable({ teams, canManage }: { teams: Team[]; canManage: boolean }) {
  const { t } = useTranslation();
  const members = useMembers();
  const memberNames = new Map((members.data ?? []).map((member) => [member.id, member.name]));

  return (
    <Table>
      <TableCaption>{t('teams.tableCaption')}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t('fields.name')}</TableHead>
          <TableHead>{t('fields.teamMembers')}</TableHead>
          {canManage ? (
            <TableHead className="w-24">
              <span className="sr-only">{t('common.actions')}</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {teams.map((team) => (
          <TableRow key={team.id}>
            <TableCell>
              <div className="font-medium text-zinc-900">{team.name}</div>
              {team.description ? <div className="text-xs text-zinc-500">{team.description}</div> : null}
            </TableCell>
            <TableCell className="text-zinc-600">
              {team.member_ids.length === 0
                ? t('teams.noMembers')
                : team.member_ids.map((id) => memberNames.get(id) ?? '…').join(', ')}
            </TableCell>
            {canManage ? (
              <TableCell>
                <TeamActions team={team} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function TeamActions({ team }: { team: Team }) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const deleteTeam = useDeleteTeam();
  const { showError } = useErrorFeedback();

  function confirmDelete() {
    deleteTeam.mutate(team.id, {
      onSuccess: () => toast.success(t('teams.deleted', { name: team.name })),
      onError: showError,
      onSettled: () => setIsConfirmingDelete(false),
    });
  }

  return (
    <div className="flex justify-end gap-1">
      <Button variant="ghost" size="icon" aria-label={t('teams.editTeam', { name: team.name })} onClick={() => setIsEditing(true)}>
        <Pencil aria-hidden />
      </Button>
      <Button variant="ghost" size="icon" aria-label={t('teams.deleteTeam', { name: team.name })} onClick={() => setIsConfirmingDelete(true)}>
        <Trash2 aria-hidden />
      </Button>
      <TeamDialog isOpen={isEditing} onOpenChange={setIsEditing} team={team} />
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        onOpenChange={setIsConfirmingDelete}
        title={t('teams.deleteTitle', { name: team.name })}
        description={t('teams.deleteDescription')}
        confirmLabel={t('teams.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        isPending={deleteTeam.isPending}
        onConfirm={confirmDelete}
      />
    </div>
  );
}
