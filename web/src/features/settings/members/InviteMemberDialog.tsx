import { zodResolver } from '@hookform/resolvers/zod';
import { UserPlus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { SecretValue } from '@/components/ui/secret-value';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/features/auth';
import { useErrorFeedback } from '@/lib/feedback';
import { type CreatedInvitation, useCreateInvitation } from './api';
import { invitationLink } from './invitationLink';
import { assignableRoles, ROLES } from './roles';

export function InviteMemberDialog() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  function onOpenChange(open: boolean) {
    setIsOpen(open);
    if (!open) setCreated(null);
  }

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          {t('members.invite.open')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        {created ? <InvitationCreatedView invitation={created} /> : <InviteForm onCreated={setCreated} />}
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ onCreated }: { onCreated: (invitation: CreatedInvitation) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { showFormError } = useErrorFeedback();
  const createInvitation = useCreateInvitation();
  const schema = useMemo(
    () =>
      z.object({
        email: z.string().trim().min(1, t('validation.required')).email(t('validation.email')),
        role: z.enum(ROLES),
      }),
    [t],
  );
  type InviteValues = z.infer<typeof schema>;
  const form = useForm<InviteValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { email: '', role: 'agent' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    createInvitation.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => showFormError(error, form.setError, ['email', 'role']),
    }),
  );

  return (
    <>
      <DialogHeader title={t('members.invite.title')} description={t('members.invite.description')} />
      <form className="grid gap-4" onSubmit={onSubmit} noValidate>
        <FormField label={t('fields.email')} error={errors.email?.message}>
          <Input type="email" autoComplete="off" autoFocus {...form.register('email')} />
        </FormField>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <FormField label={t('fields.role')} error={errors.role?.message} hint={t(`members.roleHints.${field.value}`)}>
              <OptionSelect
                value={field.value}
                onChange={field.onChange}
                options={assignableRoles(session.member.role).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              />
            </FormField>
          )}
        />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              {t('common.cancel')}
            </Button>
          </DialogClose>
          <Button type="submit" isLoading={createInvitation.isPending}>
            {t('members.invite.submit')}
          </Button>
        </DialogFooter>
      </form>
    </>
  );
}

function InvitationCreatedView({ invitation }: { invitation: CreatedInvitation }) {
  const { t } = useTranslation();
  const link = invitationLink(invitation, window.location.origin);
  return (
    <>
      <DialogHeader
        title={t('members.invite.createdTitle')}
        description={t('members.invite.createdDescription', { email: invitation.email })}
      />
      <SecretValue testId="invite-link">{link}</SecretValue>
      <DialogFooter>
        <CopyButton
          value={link}
          label={t('common.copyLink')}
          copiedLabel={t('common.copied')}
          onCopyFailed={() => toast.error(t('errors.copyFailed'))}
        />
        <DialogClose asChild>
          <Button>{t('common.done')}</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}
