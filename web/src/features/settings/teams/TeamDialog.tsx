import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { useMembers } from '../members/api';
import { type Team, useCreateTeam, useUpdateTeam } from './api';
import { MemberPicker } from './MemberPicker';

type TeamDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** Absent when creating a team. */
  team?: Team;
};

export function TeamDialog({ isOpen, onOpenChange, team }: TeamDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('common.close')} className="max-w-lg">
        <DialogHeader
          title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
          description={t('teams.dialogDescription')}
        />
        {isOpen ? <TeamForm team={team} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

const TEAM_FIELDS = ['name', 'description', 'member_ids'] as const;

function TeamForm({ team, onDone }: { team?: Team; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useMembers();
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.required')).max(120, t('validation.tooLong', { max: 120 })),
        description: z.string().trim().max(500, t('validation.tooLong', { max: 500 })),
        member_ids: z.array(z.string()),
      }),
    [t],
  );
  type TeamValues = z.infer<typeof schema>;
  const form = useForm<TeamValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { name: team?.name ?? '', description: team?.description ?? '', member_ids: team?.member_ids ?? [] },
  });
  const { errors } = form.formState;
  const isPending = createTeam.isPending || updateTeam.isPending;

  const onSubmit = form.handleSubmit((values) => {
    const callbacks = {
      onSuccess: () => {
        toast.success(team ? t('teams.updated', { name: values.name }) : t('teams.created', { name: values.name }));
        onDone();
      },
      onError: (error: unknown) => showFormError(error, form.setError, TEAM_FIELDS),
    };
    if (team) updateTeam.mutate({ teamId: team.id, changes: values }, callbacks);
    else createTeam.mutate(values, callbacks);
  });

  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate>
      <FormField label={t('fields.teamName')} error={errors.name?.message}>
        <Input autoFocus placeholder={t('teams.namePlaceholder')} {...form.register('name')} />
      </FormField>
      <FormField label={t('fields.description')} error={errors.description?.message}>
        <Textarea rows={2} {...form.register('description')} />
      </FormField>
      <Controller
        control={form.control}
        name="member_ids"
        render={({ field }) => (
          <MemberPicker
            members={members.data ?? []}
            isLoading={members.isPending}
            selectedIds={field.value}
            onChange={field.onChange}
            error={errors.member_ids?.message}
          />
        )}
      />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('common.cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={isPending}>
          {team ? t('common.save') : t('teams.create')}
        </Button>
      </DialogFooter>
    </form>
  );
}
