import { zodResolver } from '@hookform/resolvers/zod';
import { KeyRound, Pencil, Plus } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProviderKind } from '@/api';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OptionSelect } from '@/components/ui/option-select';
import { Switch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { type AiProvider, useCreateAiProvider, useUpdateAiProvider } from './api';
import { hasEmbeddings, isProviderKind, KIND_DEFAULTS, maskedKey, PROVIDER_KINDS } from './kinds';
import {
  PROVIDER_FORM_FIELDS,
  type ProviderFormValues,
  switchKind,
  toCreateRequest,
  toUpdateRequest,
  valuesForKind,
  valuesFromProvider,
} from './providerForm';
import { providerLabel } from './providerLabel';
import { providerSchema } from './providerSchema';

/** The first kind not configured yet: a workspace has at most one provider per kind. */
function firstFreeKind(configured: readonly AiProvider[]): ProviderKind | null {
  const taken = new Set(configured.map((provider) => provider.kind));
  return PROVIDER_KINDS.find((kind) => !taken.has(kind)) ?? null;
}

export function AddProviderDialog({ configured }: { configured: readonly AiProvider[] }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const firstKind = firstFreeKind(configured);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button disabled={firstKind === null} title={firstKind === null ? t('aiSettings.providers.allKindsAdded') : undefined}>
          <Plus aria-hidden />
          {t('aiSettings.providers.add')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="max-w-xl">
        <DialogHeader title={t('aiSettings.providers.addTitle')} description={t('aiSettings.providers.addDescription')} />
        {isOpen && firstKind ? <AddProviderForm configured={configured} firstKind={firstKind} onDone={() => setIsOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function AddProviderForm({ configured, firstKind, onDone }: { configured: readonly AiProvider[]; firstKind: ProviderKind; onDone: () => void }) {
  const { t } = useTranslation();
  const createProvider = useCreateAiProvider();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => providerSchema(t, 'create'), [t]);
  const form = useForm<ProviderFormValues>({ resolver: zodResolver(schema), mode: 'onTouched', defaultValues: valuesForKind(firstKind) });
  const taken = new Set(configured.map((provider) => provider.kind));

  function changeKind(kind: string) {
    if (!isProviderKind(kind)) return;
    const next = switchKind(form.getValues(), kind);
    form.setValue('kind', kind);
    form.setValue('model', next.model);
    form.setValue('base_url', next.base_url);
    form.setValue('embedding_model', next.embedding_model);
    form.clearErrors();
  }

  const onSubmit = form.handleSubmit((values) =>
    createProvider.mutate(toCreateRequest(values), {
      onSuccess: (provider) => {
        toast.success(t('aiSettings.providers.added', { name: providerLabel(t, provider.kind) }));
        onDone();
      },
      onError: (error) => showFormError(error, form.setError, PROVIDER_FORM_FIELDS),
    }),
  );

  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate data-testid="add-provider-form">
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <FormField label={t('aiSettings.fields.kind')} error={form.formState.errors.kind?.message} hint={t(`aiSettings.kindHints.${field.value}`)}>
            <OptionSelect
              value={field.value}
              onChange={changeKind}
              options={PROVIDER_KINDS.map((kind) => ({
                value: kind,
                label: taken.has(kind) ? t('aiSettings.providers.kindTaken', { name: providerLabel(t, kind) }) : providerLabel(t, kind),
                disabled: taken.has(kind),
              }))}
            />
          </FormField>
        )}
      />
      <ProviderFields form={form} mode="create" />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('common.cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={createProvider.isPending}>
          {t('aiSettings.providers.add')}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function EditProviderDialog({ provider }: { provider: AiProvider }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const name = providerLabel(t, provider.kind);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t('aiSettings.providers.editFor', { name })}>
          <Pencil aria-hidden />
          {t('aiSettings.providers.edit')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="max-w-xl">
        <DialogHeader title={t('aiSettings.providers.editTitle', { name })} description={t('aiSettings.providers.editDescription')} />
        {isOpen ? <EditProviderForm provider={provider} onDone={() => setIsOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EditProviderForm({ provider, onDone }: { provider: AiProvider; onDone: () => void }) {
  const { t } = useTranslation();
  const updateProvider = useUpdateAiProvider();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => providerSchema(t, 'edit'), [t]);
  const form = useForm<ProviderFormValues>({ resolver: zodResolver(schema), mode: 'onTouched', defaultValues: valuesFromProvider(provider) });

  const onSubmit = form.handleSubmit((values) => {
    const changes = toUpdateRequest(provider, values);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    updateProvider.mutate(
      { providerId: provider.id, changes },
      {
        onSuccess: (updated) => {
          toast.success(t('aiSettings.providers.saved', { name: providerLabel(t, updated.kind) }));
          onDone();
        },
        onError: (error) => showFormError(error, form.setError, PROVIDER_FORM_FIELDS),
      },
    );
  });

  return (
    <form className="grid gap-4" onSubmit={onSubmit} noValidate data-testid="edit-provider-form">
      <ProviderFields form={form} mode="edit" provider={provider} />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('common.cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={updateProvider.isPending}>
          {t('common.saveChanges')}
        </Button>
      </DialogFooter>
    </form>
  );
}

type ProviderFieldsProps = { form: UseFormReturn<ProviderFormValues>; mode: 'create' | 'edit'; provider?: AiProvider };

/** Model, address, embedding model, key, timeout and the on/off switch, shared by add and edit. */
function ProviderFields({ form, mode, provider }: ProviderFieldsProps) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const defaults = KIND_DEFAULTS[kind];
  const enabledId = useId();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('aiSettings.fields.model')} error={errors.model?.message} hint={t('aiSettings.hints.model', { model: defaults.model })}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register('model')} />
        </FormField>
        {hasEmbeddings(kind) ? (
          <FormField label={t('aiSettings.fields.embeddingModel')} error={errors.embedding_model?.message} hint={t('aiSettings.hints.embeddingModel')}>
            <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register('embedding_model')} />
          </FormField>
        ) : null}
      </div>
      <FormField label={t('aiSettings.fields.baseUrl')} error={errors.base_url?.message} hint={t(kind === 'openai_compatible' ? 'aiSettings.hints.baseUrlCompatible' : 'aiSettings.hints.baseUrl')}>
        <Input type="url" autoComplete="off" spellCheck={false} className="font-mono" {...form.register('base_url')} />
      </FormField>
      <ApiKeyField form={form} mode={mode} provider={provider} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('aiSettings.fields.timeout')} error={errors.timeout_seconds?.message} hint={t('aiSettings.hints.timeout')}>
          <Input type="number" inputMode="decimal" min={1} max={120} step={1} {...form.register('timeout_seconds', { valueAsNumber: true })} />
        </FormField>
        <Controller
          control={form.control}
          name="is_enabled"
          render={({ field }) => (
            <div className="grid content-start gap-1.5">
              <Label htmlFor={enabledId}>{t('aiSettings.fields.enabled')}</Label>
              <div className="flex h-9 items-center gap-2">
                <Switch id={enabledId} checked={field.value} onCheckedChange={field.onChange} aria-describedby={`${enabledId}-hint`} />
                <span id={`${enabledId}-hint`} className="text-xs text-zinc-500">
                  {field.value ? t('aiSettings.hints.enabled') : t('aiSettings.hints.disabled')}
                </span>
              </div>
            </div>
          )}
        />
      </div>
    </>
  );
}

/** Write-only: on edit the stored key shows as "•••• 1234" until the admin chooses to replace it. */
function ApiKeyField({ form, mode, provider }: ProviderFieldsProps) {
  const { t } = useTranslation();
  const kind = form.watch('kind');
  const replaceKey = form.watch('replace_key');
  const stored = provider ? maskedKey(provider) : null;
  const hint = KIND_DEFAULTS[kind].needsKey ? t('aiSettings.hints.apiKey') : t('aiSettings.hints.apiKeyOptional');

  if (mode === 'edit' && !replaceKey) {
    return (
      <div className="grid gap-1.5">
        <p className="text-sm font-medium text-zinc-800">{t('aiSettings.fields.apiKey')}</p>
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-sm text-zinc-700" data-testid="stored-key">
            {stored ?? t('aiSettings.providers.noKey')}
          </span>
          <Button type="button" variant="secondary" size="sm" onClick={() => form.setValue('replace_key', true)}>
            <KeyRound aria-hidden />
            {stored ? t('aiSettings.providers.replaceKey') : t('aiSettings.providers.addKey')}
          </Button>
        </div>
        <p className="text-xs text-zinc-500">{t('aiSettings.hints.keyWriteOnly')}</p>
      </div>
    );
  }
  return (
    <FormField
      label={mode === 'edit' && stored ? t('aiSettings.fields.newApiKey') : t('aiSettings.fields.apiKey')}
      error={form.formState.errors.api_key?.message}
      hint={mode === 'edit' ? t('aiSettings.hints.keyKeep') : hint}
    >
      <Input type="password" autoComplete="new-password" spellCheck={false} autoFocus={mode === 'edit'} {...form.register('api_key')} />
    </FormField>
  );
}
