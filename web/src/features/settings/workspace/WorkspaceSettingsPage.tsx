import { zodResolver } from '@hookform/resolvers/zod';
import { Lock } from 'lucide-react';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { toast } from '@/components/ui/toast';
import { listTimeZones } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { useCanManageWorkspace } from '../permissions';
import { QueryBoundary } from '../QueryBoundary';
import { useUpdateWorkspace, useWorkspace, type Workspace } from './api';
import { WORKSPACE_LANGUAGES } from './languages';
import { OptionSelect } from '@/components/ui/option-select';

export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title={t('workspace.title')} description={t('workspace.description')} />
      <Card>
        <CardHeader title={t('workspace.generalTitle')} description={t('workspace.generalDescription')} />
        <QueryBoundary query={workspace}>{(data) => <WorkspaceForm key={data.id} workspace={data} />}</QueryBoundary>
      </Card>
    </>
  );
}

const WORKSPACE_FIELDS = ['name', 'timezone', 'language'] as const;

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  const updateWorkspace = useUpdateWorkspace();
  const { showFormError } = useErrorFeedback();
  const timeZones = useMemo(() => {
    const zones = listTimeZones();
    return zones.includes(workspace.timezone) ? zones : [workspace.timezone, ...zones];
  }, [workspace.timezone]);
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.required')).max(200, t('validation.tooLong', { max: 200 })),
        timezone: z.string().min(1, t('validation.required')),
        language: z.string().min(1, t('validation.required')),
      }),
    [t],
  );
  type WorkspaceValues = z.infer<typeof schema>;
  const form = useForm<WorkspaceValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    values: { name: workspace.name, timezone: workspace.timezone, language: workspace.language },
  });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    updateWorkspace.mutate(values, {
      onSuccess: () => toast.success(t('workspace.saved')),
      onError: (error) => showFormError(error, form.setError, WORKSPACE_FIELDS),
    }),
  );

  return (
    <CardBody>
      {!canManage ? (
        <p className="mb-4 flex items-center gap-2 rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700">
          <Lock className="size-4 shrink-0" aria-hidden />
          {t('workspace.readOnly')}
        </p>
      ) : null}
      <form className="grid max-w-md gap-4" onSubmit={onSubmit} noValidate>
        <FormField label={t('fields.workspaceName')} error={errors.name?.message}>
          <Input disabled={!canManage} {...form.register('name')} />
        </FormField>
        <Controller
          control={form.control}
          name="timezone"
          render={({ field }) => (
            <FormField label={t('fields.timezone')} error={errors.timezone?.message} hint={t('workspace.timezoneHint')}>
              <OptionSelect
                value={field.value}
                onChange={field.onChange}
                disabled={!canManage}
                options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
              />
            </FormField>
          )}
        />
        <Controller
          control={form.control}
          name="language"
          render={({ field }) => (
            <FormField label={t('fields.language')} error={errors.language?.message} hint={t('workspace.languageHint')}>
              <OptionSelect
                value={field.value}
                onChange={field.onChange}
                disabled={!canManage}
                options={WORKSPACE_LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
              />
            </FormField>
          )}
        />
        {canManage ? (
          <div className="flex gap-2 pt-2">
            <Button type="submit" isLoading={updateWorkspace.isPending} disabled={!isDirty}>
              {t('common.saveChanges')}
            </Button>
            {isDirty ? (
              <Button type="button" variant="ghost" onClick={() => form.reset()}>
                {t('common.discard')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </form>
    </CardBody>
  );
}
