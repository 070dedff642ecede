import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useErrorFeedback } from '@/lib/feedback';
import { useSignup } from './api';
import { AuthLayout } from './AuthLayout';
import { HOME_PATH } from './redirects';
import { MIN_PASSWORD_LENGTH, signupSchema } from './schemas';

const SIGNUP_FIELDS = ['workspace_name', 'name', 'email', 'password'] as const;

export function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => signupSchema(t), [t]);
  type SignupValues = z.infer<typeof schema>;
  const form = useForm<SignupValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { workspace_name: '', name: '', email: '', password: '' },
  });
  const signup = useSignup();
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    signup.mutate(values, {
      onSuccess: () => navigate(HOME_PATH, { replace: true }),
      onError: (error) => showFormError(error, form.setError, SIGNUP_FIELDS),
    }),
  );

  return (
    <AuthLayout
      title={t('auth.signup.title')}
      description={t('auth.signup.description')}
      footer={
        <>
          {t('auth.signup.haveAccount')}{' '}
          <Link to="/login" className="font-medium text-emerald-700 hover:underline">
            {t('auth.signup.logIn')}
          </Link>
        </>
      }
    >
      <form className="grid gap-4" onSubmit={onSubmit} noValidate>
        <FormField label={t('fields.workspaceName')} error={errors.workspace_name?.message} hint={t('auth.signup.workspaceHint')}>
          <Input autoComplete="organization" autoFocus {...form.register('workspace_name')} />
        </FormField>
        <FormField label={t('fields.yourName')} error={errors.name?.message}>
          <Input autoComplete="name" {...form.register('name')} />
        </FormField>
        <FormField label={t('fields.email')} error={errors.email?.message}>
          <Input type="email" autoComplete="email" {...form.register('email')} />
        </FormField>
        <FormField
          label={t('fields.password')}
          error={errors.password?.message}
          hint={t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH })}
        >
          <Input type="password" autoComplete="new-password" {...form.register('password')} />
        </FormField>
        <Button type="submit" size="lg" className="mt-2 w-full" isLoading={signup.isPending}>
          {t('auth.signup.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
