import { zodResolver } from '@hookform/resolvers/zod';
import { KeyRound, TriangleAlert } from 'lucide-react';
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
import { useErrorFeedback } from '@/lib/feedback';
import { type CreatedApiToken, useCreateApiToken } from './api';

const TOKEN_ROLES = ['admin', 'agent'] as const;

export function CreateApiTokenDialog() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  function onOpenChange(open: boolean) {
    setIsOpen(open);
    if (!open) setCreated(null);
  }

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <KeyRound aria-hidden />
          {t('apiTokens.create')}
        </Button>
      </DialogTrigger>
      <DialogContent
        closeLabel={t('common.close')}
        onInteractOutside={(event) => {
          if (created) event.preventDefault();
        }}
      >
        {created ? <TokenRevealed token={created} /> : <CreateTokenForm onCreated={setCreated} />}
      </DialogContent>
    </Dialog>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const createToken = useCreateApiToken();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.required')).max(120, t('validation.tooLong', { max: 120 })),
        role: z.enum(TOKEN_ROLES),
      }),
    [t],
  );
  type TokenValues = z.infer<typeof schema>;
  const form = useForm<TokenValues>({ resolver: zodResolver(schema), mode: 'onTouched', defaultValues: { name: '', role: 'admin' } });

  const onSubmit = form.handleSubmit((values) =>
    createToken.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => showFormError(error, form.setError, ['name', 'role']),
    }),
  );

  return (
    <>
      <DialogHeader title={t('apiTokens.createTitle')} description={t('apiTokens.createDescription')} />
      <form className="grid gap-4" onSubmit={onSubmit} noValidate>
        <FormField label={t('fields.tokenName')} error={form.formState.errors.name?.message} hint={t('apiTokens.nameHint')}>
          <Input autoFocus autoComplete="off" {...form.register('name')} />
        </FormField>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <FormField label={t('fields.permissions')} hint={t(`apiTokens.roleHints.${field.value}`)}>
              <OptionSelect
                value={field.value}
                onChange={field.onChange}
                options={TOKEN_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
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
          <Button type="submit" isLoading={createToken.isPending}>
            {t('apiTokens.create')}
          </Button>
        </DialogFooter>
      </form>
    </>
  );
}

function TokenRevealed({ token }: { token: CreatedApiToken }) {
  const { t } = useTranslation();
  return (
    <>
      <DialogHeader title={t('apiTokens.createdTitle', { name: token.name })} />
      <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        {t('apiTokens.shownOnce')}
      </p>
      <SecretValue testId="api-token-value">{token.token}</SecretValue>
      <DialogFooter>
        <CopyButton
          value={token.token}
          label={t('common.copy')}
          copiedLabel={t('common.copied')}
          onCopyFailed={() => toast.error(t('errors.copyFailed'))}
        />
        <DialogClose asChild>
          <Button>{t('apiTokens.savedIt')}</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}
