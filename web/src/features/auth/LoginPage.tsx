import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useErrorFeedback } from '@/lib/feedback';
import { useLogin } from './api';
import { AuthLayout } from './AuthLayout';
import { safeNextPath } from './redirects';
import { loginSchema } from './schemas';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => loginSchema(t), [t]);
  type LoginValues = z.infer<typeof schema>;
  const form = useForm<LoginValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { email: '', password: '' },
  });
  const login = useLogin();
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    login.mutate(values, {
      onSuccess: () => navigate(safeNextPath(searchParams.get('next')), { replace: true }),
      onError: (error) => showFormError(error, form.setError, ['email', 'password']),
    }),
  );

  return (
    <AuthLayout
      title={t('auth.login.title')}
      description={t('auth.login.description')}
      footer={
        <>
          {t('auth.login.noAccount')}{' '}
          <Link to="/signup" className="font-medium text-emerald-700 hover:underline">
            {t('auth.login.createWorkspace')}
          </Link>
        </>
      }
    >
      <form className="grid gap-4" onSubmit={onSubmit} noValidate>
        <FormField label={t('fields.email')} error={errors.email?.message}>
          <Input type="email" autoComplete="email" autoFocus {...form.register('email')} />
        </FormField>
        <FormField label={t('fields.password')} error={errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...form.register('password')} />
        </FormField>
        <Button type="submit" size="lg" className="mt-2 w-full" isLoading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
