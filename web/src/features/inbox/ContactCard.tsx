import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2 } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ErrorState, LoadingState } from '@/components/ui/query-states';
import { Switch } from '@/components/ui/switch';
import { TagInput } from '@/components/ui/tag-input';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/features/auth';
import { formatDateTime } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { type Contact, useContact, useUpdateContact } from './api';
import { formatWaId } from './messageContent';

export const normalizeTag = (tag: string) => tag.trim().toLowerCase().slice(0, 60);

export function ContactCard({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const contact = useContact(contactId);
  const { describeError } = useErrorFeedback();
  if (contact.isPending) return <LoadingState label={t('common.loading')} />;
  if (contact.isError) return <ErrorState message={describeError(contact.error)} retryLabel={t('common.retry')} onRetry={() => void contact.refetch()} />;
  return <ContactDetails key={contact.data.id} contact={contact.data} />;
}

function ContactDetails({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const update = useUpdateContact(contact.id);
  const { showError } = useErrorFeedback();
  const optOutId = useId();
  const tagsId = useId();
  const displayName = contact.name || contact.profile_name || formatWaId(contact.wa_id);

  function saveTags(tags: string[]) {
    update.mutate({ tags }, { onError: showError });
  }

  function setOptOut(isOptedOut: boolean) {
    update.mutate(
      { opted_out_marketing: isOptedOut },
      {
        onSuccess: () => toast.success(isOptedOut ? t('inbox.contact.optedOutToast', { name: displayName }) : t('inbox.contact.optedInToast', { name: displayName })),
        onError: showError,
      },
    );
  }

  return (
    <div className="grid gap-4" data-testid="contact-card">
      <div className="flex items-center gap-3">
        <Avatar name={displayName} seed={contact.wa_id} className="size-12 text-sm" />
        <div className="grid min-w-0 grid-cols-1">
          <p className="truncate text-base font-semibold text-zinc-900">{displayName}</p>
          <a href={`https://wa.me/${contact.wa_id}`} target="_blank" rel="noreferrer" className="truncate text-sm text-zinc-600 hover:underline">
            {formatWaId(contact.wa_id)}
          </a>
          {contact.profile_name && contact.profile_name !== contact.name ? (
            <p className="truncate text-xs text-zinc-500">{t('inbox.contact.profileName', { name: contact.profile_name })}</p>
          ) : null}
        </div>
      </div>
      <ContactNameForm contact={contact} />
      <div className="grid gap-1.5">
        <Label htmlFor={tagsId}>{t('inbox.contact.tags')}</Label>
        <TagInput
          id={tagsId}
          value={contact.tags}
          onChange={saveTags}
          normalize={normalizeTag}
          placeholder={t('inbox.tagsPlaceholder')}
          removeLabel={(tag) => t('inbox.removeTag', { tag })}
          disabled={update.isPending}
        />
      </div>
      <CustomFieldsEditor contact={contact} />
      <div className="flex items-start justify-between gap-3 rounded-md border border-zinc-200 px-3 py-2.5">
        <div className="grid gap-0.5">
          <Label htmlFor={optOutId}>{t('inbox.contact.optedOut')}</Label>
          <p className="text-xs text-zinc-500">
            {contact.opted_out_marketing
              ? contact.opted_out_at
                ? t('inbox.contact.optedOutSince', { date: formatDateTime(contact.opted_out_at, i18n.language, timezone) })
                : t('inbox.contact.optedOutHint')
              : t('inbox.contact.optedInHint')}
          </p>
        </div>
        <Switch id={optOutId} checked={contact.opted_out_marketing} onCheckedChange={setOptOut} disabled={update.isPending} />
      </div>
    </div>
  );
}

function ContactNameForm({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const update = useUpdateContact(contact.id);
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => z.object({ name: z.string().trim().max(200, t('validation.tooLong', { max: 200 })) }), [t]);
  type NameValues = z.infer<typeof schema>;
  const form = useForm<NameValues>({ resolver: zodResolver(schema), mode: 'onChange', values: { name: contact.name } });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => toast.success(t('inbox.contact.nameSaved')),
      onError: (error) => showFormError(error, form.setError, ['name']),
    }),
  );

  return (
    <form className="grid gap-1.5" onSubmit={onSubmit} noValidate>
      <FormField label={t('inbox.contact.name')} error={errors.name?.message}>
        <Input autoComplete="off" placeholder={contact.profile_name || undefined} {...form.register('name')} />
      </FormField>
      {isDirty ? (
        <div className="flex gap-2">
          <Button type="submit" size="sm" isLoading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => form.reset()}>
            {t('common.discard')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

type FieldRow = { key: string; value: string };

function rowsOf(fields: Record<string, unknown>): FieldRow[] {
  return Object.entries(fields).map(([key, value]) => ({ key, value: value === null || value === undefined ? '' : String(value) }));
}

function CustomFieldsEditor({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const update = useUpdateContact(contact.id);
  const { showError } = useErrorFeedback();
  const original = useMemo(() => rowsOf(contact.custom_fields), [contact.custom_fields]);
  const [rows, setRows] = useState<FieldRow[]>(original);
  const [error, setError] = useState<string | null>(null);
  const isDirty = JSON.stringify(rows) !== JSON.stringify(original);

  function change(index: number, patch: Partial<FieldRow>) {
    setError(null);
    setRows((current) => current.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  }

  function save() {
    const filled = rows.filter((row) => row.key.trim() || row.value.trim());
    const keys = filled.map((row) => row.key.trim());
    if (keys.some((key) => !key)) return setError(t('inbox.contact.fieldKeyRequired'));
    if (new Set(keys).size !== keys.length) return setError(t('inbox.contact.fieldKeyDuplicate'));
    const fields: Record<string, string | number | boolean | null> = {};
    for (const row of filled) {
      const key = row.key.trim();
      const previous = contact.custom_fields[key];
      // Unchanged values keep their type (a number stays a number).
      fields[key] = previous !== undefined && String(previous) === row.value ? (previous as string | number | boolean) : row.value;
    }
    update.mutate(
      { custom_fields: fields },
      {
        onSuccess: (saved) => {
          setRows(rowsOf(saved.custom_fields));
          toast.success(t('inbox.contact.fieldsSaved'));
        },
        onError: showError,
      },
    );
  }

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t('inbox.contact.customFields')}</legend>
      {rows.length === 0 ? <p className="text-xs text-zinc-500">{t('inbox.contact.noCustomFields')}</p> : null}
      {rows.map((row, index) => (
        <div key={index} className="flex items-center gap-1.5">
          <Input
            aria-label={t('inbox.contact.fieldKey', { number: index + 1 })}
            placeholder={t('inbox.contact.fieldKeyPlaceholder')}
            value={row.key}
            maxLength={60}
            onChange={(event) => change(index, { key: event.target.value })}
            className="h-8 w-2/5"
          />
          <Input
            aria-label={t('inbox.contact.fieldValue', { number: index + 1 })}
            placeholder={t('inbox.contact.fieldValuePlaceholder')}
            value={row.value}
            maxLength={500}
            onChange={(event) => change(index, { value: event.target.value })}
            className="h-8 min-w-0 flex-1"
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8"
            aria-label={t('inbox.contact.removeField', { key: row.key || index + 1 })}
            onClick={() => setRows((current) => current.filter((_, position) => position !== index))}
          >
            <Trash2 aria-hidden />
          </Button>
        </div>
      ))}
      {error ? (
        <p className="text-xs font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => setRows((current) => [...current, { key: '', value: '' }])}>
          <Plus aria-hidden />
          {t('inbox.contact.addField')}
        </Button>
        {isDirty ? (
          <>
            <Button type="button" size="sm" onClick={save} isLoading={update.isPending}>
              {t('inbox.contact.saveFields')}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setRows(original)}>
              {t('common.discard')}
            </Button>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
