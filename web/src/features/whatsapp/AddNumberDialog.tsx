import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Wand2 } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { toast } from '@/components/ui/toast';
import { useTeams } from '@/features/settings';
import { useErrorFeedback } from '@/lib/feedback';
import { useCreateNumber } from './api';

const NO_TEAM = 'none';
const DIGITS = /^[0-9]{3,32}$/;
const NUMBER_FIELDS = [
  'phone_number_id',
  'display_phone_number',
  'label',
  'waba_id',
  'access_token',
  'app_secret',
  'verify_token',
  'graph_base_url',
  'default_team_id',
] as const;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function AddNumberDialog({ trigger }: { trigger?: ReactNode }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden />
            {t('numbers.add')}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="max-w-xl">
        <DialogHeader title={t('numbers.addTitle')} description={t('numbers.addDescription')} />
        {isOpen ? <AddNumberForm onDone={() => setIsOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function AddNumberForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const createNumber = useCreateNumber();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => {
    const required = z.string().trim().min(1, t('validation.required'));
    const secret = (max: number) =>
      z.string().min(8, t('validation.minLength', { count: 8 })).max(max, t('validation.tooLong', { max }));
    return z.object({
      phone_number_id: required.regex(DIGITS, t('numbers.validation.digits')),
      display_phone_number: required.max(32, t('validation.tooLong', { max: 32 })).min(3, t('validation.minLength', { count: 3 })),
      label: z.string().trim().max(120, t('validation.tooLong', { max: 120 })),
      waba_id: required.regex(DIGITS, t('numbers.validation.digits')),
      access_token: secret(1000),
      app_secret: secret(200),
      verify_token: secret(200),
      graph_base_url: z.string().trim().url(t('validation.url')),
      default_team_id: z.string(),
    });
  }, [t]);
  type NumberValues = z.infer<typeof schema>;
  const form = useForm<NumberValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      phone_number_id: '',
      display_phone_number: '',
      label: '',
      waba_id: '',
      access_token: '',
      app_secret: '',
      verify_token: randomToken(),
      graph_base_url: 'https://graph.facebook.com',
      default_team_id: NO_TEAM,
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    createNumber.mutate(
      { ...values, default_team_id: values.default_team_id === NO_TEAM ? null : values.default_team_id },
      {
        onSuccess: (number) => {
          toast.success(t('numbers.added', { number: number.display_phone_number }));
          onDone();
        },
        onError: (error) => showFormError(error, form.setError, NUMBER_FIELDS),
      },
    ),
  );

  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('numbers.fields.displayPhoneNumber')} error={errors.display_phone_number?.message} hint={t('numbers.hints.displayPhoneNumber')}>
          <Input autoFocus inputMode="tel" autoComplete="off" placeholder="+254 712 345 678" {...form.register('display_phone_number')} />
        </FormField>
        <FormField label={t('numbers.fields.label')} error={errors.label?.message} hint={t('numbers.hints.label')}>
          <Input autoComplete="off" {...form.register('label')} />
        </FormField>
        <FormField label={t('numbers.fields.phoneNumberId')} error={errors.phone_number_id?.message} hint={t('numbers.hints.phoneNumberId')}>
          <Input inputMode="numeric" autoComplete="off" {...form.register('phone_number_id')} />
        </FormField>
        <FormField label={t('numbers.fields.wabaId')} error={errors.waba_id?.message} hint={t('numbers.hints.wabaId')}>
          <Input inputMode="numeric" autoComplete="off" {...form.register('waba_id')} />
        </FormField>
      </div>
      <FormField label={t('numbers.fields.accessToken')} error={errors.access_token?.message} hint={t('numbers.hints.accessToken')}>
        <Input type="password" autoComplete="new-password" {...form.register('access_token')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('numbers.fields.appSecret')} error={errors.app_secret?.message} hint={t('numbers.hints.appSecret')}>
          <Input type="password" autoComplete="new-password" {...form.register('app_secret')} />
        </FormField>
        <div className="grid content-start gap-1.5">
          <FormField label={t('numbers.fields.verifyToken')} error={errors.verify_token?.message} hint={t('numbers.hints.verifyToken')}>
            <Input autoComplete="off" className="font-mono" {...form.register('verify_token')} />
          </FormField>
          <Button
            type="button"
            variant="link"
            size="sm"
            className="h-auto justify-self-start px-0"
            onClick={() => form.setValue('verify_token', randomToken(), { shouldValidate: true, shouldDirty: true })}
          >
            <Wand2 aria-hidden />
            {t('numbers.generateToken')}
          </Button>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('numbers.fields.graphBaseUrl')} error={errors.graph_base_url?.message} hint={t('numbers.hints.graphBaseUrl')}>
          <Input type="url" autoComplete="off" {...form.register('graph_base_url')} />
        </FormField>
        <Controller
          control={form.control}
          name="default_team_id"
          render={({ field }) => (
            <FormField label={t('numbers.fields.defaultTeam')} error={errors.default_team_id?.message} hint={t('numbers.hints.defaultTeam')}>
              <OptionSelect
                value={field.value}
                onChange={field.onChange}
                options={[
                  { value: NO_TEAM, label: t('numbers.noTeam') },
                  ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
                ]}
              />
            </FormField>
          )}
        />
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('common.cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={createNumber.isPending}>
          {t('numbers.add')}
        </Button>
      </DialogFooter>
    </form>
  );
}
