import { zodResolver } from '@hookform/resolvers/zod';
import { FileText, SendHorizontal } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { componentText, isApproved, renderTemplateText, type Template, TemplatePreview, templateButtons, templateLimitation, useTemplates } from '@/features/whatsapp';
import { useErrorFeedback } from '@/lib/feedback';
import { type Conversation, useSendMessage } from './api';

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
              const limitation = templateLimitation(template);
              const isOptedOutMarketing = isOptedOut && template.category === 'MARKETING';
              const reason = limitation ? t(`templates.limitations.${limitation}`) : isOptedOutMarketing ? t('inbox.templates.optedOut') : null;
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
  const { showFormError } = useErrorFeedback();
  const bodyCount = template.body_variable_count;
  const headerCount = template.header_variable_count;
  const schema = useMemo(() => {
    const value = z.string().trim().min(1, t('validation.required')).max(1024, t('validation.tooLong', { max: 1024 }));
    return z.object({ variables: z.array(value), header_variables: z.array(value) });
  }, [t]);
  type TemplateValues = z.infer<typeof schema>;
  const form = useForm<TemplateValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { variables: Array<string>(bodyCount).fill(''), header_variables: Array<string>(headerCount).fill('') },
  });
  const [variables = [], headerVariables = []] = useWatch({ control: form.control, name: ['variables', 'header_variables'] });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    send.mutate(
      {
        type: 'template',
        template_id: template.id,
        variables: values.variables.map((value) => value.trim()),
        header_variables: values.header_variables.map((value) => value.trim()),
        button_payloads: [],
      },
      {
        onSuccess: () => {
          toast.success(t('inbox.templates.sent', { name: template.name }));
          onSent();
        },
        onError: (error) => showFormError(error, form.setError, ['variables', 'header_variables']),
      },
    ),
  );

  const header = componentText(template, 'HEADER');
  return (
    <form className="grid gap-3 md:grid-cols-2" onSubmit={onSubmit} noValidate>
      <div className="grid content-start gap-2 md:col-start-1 md:row-start-1">
        {Array.from({ length: headerCount }, (_, index) => (
          <FormField key={`h${index}`} label={t('inbox.templates.headerVariable', { placeholder: `{{${index + 1}}}` })} error={errors.header_variables?.[index]?.message}>
            <Input autoComplete="off" {...form.register(`header_variables.${index}`)} />
          </FormField>
        ))}
        {Array.from({ length: bodyCount }, (_, index) => (
          <FormField key={`b${index}`} label={t('inbox.templates.variable', { placeholder: `{{${index + 1}}}` })} error={errors.variables?.[index]?.message}>
            <Input autoComplete="off" autoFocus={index === 0} {...form.register(`variables.${index}`)} />
          </FormField>
        ))}
        {bodyCount + headerCount === 0 ? <p className="text-sm text-zinc-600">{t('inbox.templates.noVariables')}</p> : null}
        {[errors.variables?.message, errors.header_variables?.message].filter(Boolean).map((message) => (
          <p key={message} className="text-xs font-medium text-red-600" role="alert">
            {message}
          </p>
        ))}
      </div>
      <TemplatePreview
        className="md:col-start-2 md:row-span-2 md:row-start-1"
        body={componentText(template, 'BODY')}
        header={header ? renderTemplateText(header, headerVariables) : undefined}
        footer={componentText(template, 'FOOTER') || undefined}
        buttons={templateButtons(template).map((button) => button.text)}
        variables={variables}
      />
      <Button type="submit" className="justify-self-start md:col-start-1 md:row-start-2 md:self-start" isLoading={send.isPending}>
        {send.isPending ? null : <SendHorizontal aria-hidden />}
        {t('inbox.templates.send')}
      </Button>
    </form>
  );
}
