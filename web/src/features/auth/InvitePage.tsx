import { zodResolver } from '@hookform/resolvers/zod';
import { CircleAlert } from 'lucide-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { useErrorFeedback } from '@/lib/feedback';
import { type InvitationPreview, useAcceptInvitation, useInvitationPreview } from './api';
import { AuthLayout } from './AuthLayout';
import { HOME_PATH } from './redirects';
import { acceptInvitationSchema, MIN_PASSWORD_LENGTH } from './schemas';

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const { describeError } = useErrorFeedback();

  if (preview.isPending) {
    return (
      <AuthLayout title={t('auth.invite.loadingTitle')}>
        <div className="flex justify-center py-6">
          <Spinner className="size-6 text-emerald-600" label={t('common.loading')} />
        </div>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    return (
      <AuthLayout title={t('auth.invite.invalidTitle')}>
        <EmptyState
          className="py-2"
          icon={<CircleAlert />}
          tone="danger"
          title={describeError(preview.error)}
          description={t('auth.invite.invalidDescription')}
          action={
            <Button asChild variant="secondary">
              <Link to="/login">{t('auth.invite.goToLogin')}</Link>
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return <AcceptInvitationForm token={token} invitation={preview.data} />;
}

function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => acceptInvitationSchema(t), [t]);
  type AcceptValues = z.infer<typeof schema>;
  const form = useForm<AcceptValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { name: '', password: '' },
  });
  const accept = useAcceptInvitation(token);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    accept.mutate(values, {
      onSuccess: () => navigate(HOME_PATH, { replace: true }),
      onError: (error) => showFormError(error, form.setError, ['name', 'password']),
    }),
  );

  return (
    <AuthLayout
      title={t('auth.invite.title', { workspace: invitation.workspace_name })}
      description={t('auth.invite.description', { role: t(`roles.${invitation.role}`) })}
    >
      <form className="grid gap-4" onSubmit={onSubmit} noValidate>
        <FormField label={t('fields.email')}>
          <Input type="email" value={invitation.email} readOnly data-testid="invitation-email" />
        </FormField>
        <FormField label={t('fields.yourName')} error={errors.name?.message}>
          <Input autoComplete="name" autoFocus {...form.register('name')} />
        </FormField>
        <FormField
          label={t('fields.choosePassword')}
          error={errors.password?.message}
          hint={t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH })}
        >
          <Input type="password" autoComplete="new-password" {...form.register('password')} />
        </FormField>
        <Button type="submit" size="lg" className="mt-2 w-full" isLoading={accept.isPending}>
          {t('auth.invite.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
