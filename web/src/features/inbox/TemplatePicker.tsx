import { zodResolver } from '@hookform/resolvers/zod';
import { FileText, SendHorizontal } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/api';
import { componentText, isApproved, renderTemplateText, type Template, TemplatePreview, templateButtons, useTemplates } from '@/features/whatsapp';
import { useErrorFeedback } from '@/lib/feedback';
import { type Conversation, useSendMessage } from './api';
import { buildTemplateSend, placeFieldErrors, previewValues, templateFields, type TemplateVariable } from './templateSend';

const NONE = 'none';

/** Choose an approved template, fill its variables, watch the preview, send. */
export function TemplatePicker({ conversation, onSent }: { conversation: Conversation; onSent: () => void }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [templateId, setTemplateId] = useState(NONE);
  const approved = useMemo(() => (templates.data ?? []).filter(isApproved), [templates.data]);
  const waiting = (templates.data?.length ?? 0) - approved.length;
  const isOptedOut = conversation.contact.opted_out_marketing;
  const selected = approved.find((template) => template.id === templateId) ?? null;

  if (templates.isPending) {
    return (
      <p className="flex items-center gap-2 px-3 py-4 text-sm text-zinc-500 sm:px-4">
        <Spinner /> {t('inbox.templates.loading')}
      </p>
    );
  }

  if (approved.length === 0) {
    return (
      <div className="grid gap-1 px-3 py-3 text-sm text-zinc-700 sm:px-4" data-testid="template-picker">
        <p className="inline-flex items-center gap-2 font-medium text-zinc-900">
          <FileText className="size-4 text-zinc-500" aria-hidden />
          {t('inbox.templates.noneApproved')}
        </p>
        <p className="text-zinc-600">
          {waiting > 0 ? t('inbox.templates.waiting', { count: waiting }) : null}{' '}
          <Link to="/settings/whatsapp" className="font-medium text-emerald-700 hover:underline">
            {t('inbox.templates.manage')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="grid gap-3 px-3 pb-3 pt-2 sm:px-4" data-testid="template-picker">
      <FormField label={t('inbox.templates.choose')} hint={waiting > 0 ? t('inbox.templates.waiting', { count: waiting }) : undefined}>
        <OptionSelect
          value={templateId}
          onChange={setTemplateId}
          options={[
            { value: NONE, label: t('inbox.templates.placeholder'), disabled: true },
            ...approved.map((template) => {
              const isOptedOutMarketing = isOptedOut && template.category === 'MARKETING';
              const reason = isOptedOutMarketing ? t('inbox.templates.optedOut') : null;
              return {
                value: template.id,
                label: `${template.name} · ${template.language}${reason ? ` — ${reason}` : ''}`,
                disabled: reason !== null,
              };
            }),
          ]}
        />
      </FormField>
      {selected ? <TemplateForm key={selected.id} template={selected} conversation={conversation} onSent={onSent} /> : null}
    </div>
  );
}

function TemplateForm({ template, conversation, onSent }: { template: Template; conversation: Conversation; onSent: () => void }) {
  const { t } = useTranslation();
  const send = useSendMessage(conversation.id);
  const { describeError } = useErrorFeedback();
  const fields = useMemo(() => templateFields(template), [template]);
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const schema = useMemo(
    () =>
      z.object({
        values: z.tuple(
          fields.map((variable) => {
            const value = z.string().trim().min(1, t('validation.required')).max(variable.max_length, t('validation.tooLong', { max: variable.max_length }));
            return variable.component === 'button' ? value.refine((text) => !/\s/.test(text), t('inbox.templates.noSpaces')) : value;
          }) as unknown as [z.ZodType<string>, ...z.ZodType<string>[]],
        ),
      }),
    [fields, t],
  );
  type TemplateValues = { values: string[] };
  const form = useForm<TemplateValues>({
    resolver: fields.length ? (zodResolver(schema) as never) : undefined,
    mode: 'onTouched',
    defaultValues: { values: Array<string>(fields.length).fill('') },
  });
  const values = useWatch({ control: form.control, name: 'values' }) ?? [];
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((submitted) => {
    setGeneralErrors([]);
    send.mutate(buildTemplateSend(template, submitted.values ?? []), {
      onSuccess: () => {
        toast.success(t('inbox.templates.sent', { name: template.name }));
        onSent();
      },
      onError: (error) => {
        const { byIndex, general } = placeFieldErrors(fields, isApiError(error) ? (error.fields ?? {}) : {});
        byIndex.forEach((message, index) => form.setError(`values.${index}`, { type: 'server', message }, { shouldFocus: true }));
        setGeneralErrors(byIndex.size === 0 && general.length === 0 ? [describeError(error)] : general);
      },
    });
  });

  const header = componentText(template, 'HEADER');
  return (
    <form className="grid gap-3 md:grid-cols-2" onSubmit={onSubmit} noValidate data-testid="template-form">
      <div className="grid content-start gap-2 md:col-start-1 md:row-start-1">
        {fields.map((variable, index) => (
          <FormField
            key={variable.field}
            label={variableLabel(variable, t)}
            error={errors.values?.[index]?.message}
            hint={variable.component === 'button' ? t('inbox.templates.linkHint', { button: variable.button_text ?? '' }) : undefined}
          >
            <Input
              autoComplete="off"
              autoFocus={index === 0}
              placeholder={variable.example ? t('inbox.templates.exampleHint', { example: variable.example }) : undefined}
              maxLength={variable.max_length}
              {...form.register(`values.${index}`)}
            />
          </FormField>
        ))}
        {fields.length === 0 ? <p className="text-sm text-zinc-600">{t('inbox.templates.noVariables')}</p> : null}
        {generalErrors.map((message) => (
          <p key={message} className="text-xs font-medium text-red-600" role="alert" data-testid="template-error">
            {message}
          </p>
        ))}
      </div>
      <TemplatePreview
        className="md:col-start-2 md:row-span-2 md:row-start-1"
        body={componentText(template, 'BODY')}
        header={header ? renderTemplateText(header, previewValues(fields, values, 'header')) : undefined}
        footer={componentText(template, 'FOOTER') || undefined}
        buttons={templateButtons(template).map((button) => button.text)}
        variables={previewValues(fields, values, 'body')}
      />
      <Button type="submit" className="justify-self-start md:col-start-1 md:row-start-2 md:self-start" isLoading={send.isPending}>
        {send.isPending ? null : <SendHorizontal aria-hidden />}
        {t('inbox.templates.send')}
      </Button>
    </form>
  );
}

function variableLabel(variable: TemplateVariable, t: TFunction): string {
  if (variable.component === 'button') return t('inbox.templates.linkVariable', { prefix: variable.url_prefix ?? '' });
  if (variable.field.startsWith('named_variables.')) return t('inbox.templates.namedVariable', { name: variable.name });
  const placeholder = `{{${variable.name}}}`;
  return variable.component === 'header' ? t('inbox.templates.headerVariable', { placeholder }) : t('inbox.templates.variable', { placeholder });
}
