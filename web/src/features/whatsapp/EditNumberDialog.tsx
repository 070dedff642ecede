import { zodResolver } from '@hookform/resolvers/zod';
import { Pencil } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { NumberUpdate } from '@/api';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { useUpdateNumber, type WhatsAppNumber } from './api';

const EDIT_FIELDS = ['display_phone_number', 'label', 'graph_base_url', 'access_token', 'app_secret'] as const;

/** Names and address of a connected number; the token and app secret can be replaced but never read. */
export function EditNumberDialog({ number }: { number: WhatsAppNumber }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t('numbers.editFor', { number: number.display_phone_number })}>
          <Pencil aria-hidden />
          {t('numbers.edit')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="max-w-xl">
        <DialogHeader title={t('numbers.editTitle', { number: number.display_phone_number })} description={t('numbers.editDescription')} />
        {isOpen ? <EditNumberForm number={number} onDone={() => setIsOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EditNumberForm({ number, onDone }: { number: WhatsAppNumber; onDone: () => void }) {
  const { t } = useTranslation();
  const updateNumber = useUpdateNumber();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => {
    const secret = (max: number) =>
      z.union([z.literal(''), z.string().min(8, t('validation.minLength', { count: 8 })).max(max, t('validation.tooLong', { max }))]);
    return z.object({
      display_phone_number: z.string().trim().min(3, t('validation.minLength', { count: 3 })).max(32, t('validation.tooLong', { max: 32 })),
      label: z.string().trim().max(120, t('validation.tooLong', { max: 120 })),
      graph_base_url: z.string().trim().url(t('validation.url')),
      access_token: secret(1000),
      app_secret: secret(200),
    });
  }, [t]);
  type EditValues = z.infer<typeof schema>;
  const form = useForm<EditValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      display_phone_number: number.display_phone_number,
      label: number.label,
      graph_base_url: number.graph_base_url,
      access_token: '',
      app_secret: '',
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    const changes: NumberUpdate = {
      display_phone_number: values.display_phone_number,
      label: values.label,
      graph_base_url: values.graph_base_url,
      ...(values.access_token ? { access_token: values.access_token } : {}),
      ...(values.app_secret ? { app_secret: values.app_secret } : {}),
    };
    updateNumber.mutate(
      { numberId: number.id, changes },
      {
        onSuccess: (updated) => {
          toast.success(t('numbers.saved', { number: updated.display_phone_number }));
          onDone();
        },
        onError: (error) => showFormError(error, form.setError, EDIT_FIELDS),
      },
    );
  });

  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate data-testid="edit-number-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('numbers.fields.displayPhoneNumber')} error={errors.display_phone_number?.message} hint={t('numbers.hints.displayPhoneNumber')}>
          <Input autoFocus inputMode="tel" autoComplete="off" {...form.register('display_phone_number')} />
        </FormField>
        <FormField label={t('numbers.fields.label')} error={errors.label?.message} hint={t('numbers.hints.label')}>
          <Input autoComplete="off" {...form.register('label')} />
        </FormField>
      </div>
      <FormField label={t('numbers.fields.graphBaseUrl')} error={errors.graph_base_url?.message} hint={t('numbers.hints.graphBaseUrl')}>
        <Input type="url" autoComplete="off" {...form.register('graph_base_url')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('numbers.fields.accessToken')} error={errors.access_token?.message} hint={t('numbers.hints.accessToken')}>
          <Input type="password" autoComplete="new-password" placeholder={t('numbers.rotatePlaceholder')} {...form.register('access_token')} />
        </FormField>
        <FormField label={t('numbers.fields.appSecret')} error={errors.app_secret?.message} hint={t('numbers.hints.appSecret')}>
          <Input type="password" autoComplete="new-password" placeholder={t('numbers.rotatePlaceholder')} {...form.register('app_secret')} />
        </FormField>
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('common.cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={updateNumber.isPending}>
          {t('numbers.save')}
        </Button>
      </DialogFooter>
    </form>
  );
}
