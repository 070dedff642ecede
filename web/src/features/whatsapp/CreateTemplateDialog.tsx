import { zodResolver } from '@hookform/resolvers/zod';
import { Braces, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { useCreateTemplate } from './api';
import { TemplatePreview } from './TemplatePreview';
import { highestPlaceholder, placeholderCount } from './templates';

const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
/** WhatsApp's codes for the languages ImaraDesk's users write in most. */
const LANGUAGES = ['en', 'en_US', 'en_GB', 'fr', 'pt_BR', 'pt_PT', 'sw', 'ar', 'ha', 'es', 'de', 'zu', 'af'] as const;
const MAX_BODY = 1024;
const MAX_FOOTER = 60;
const TEMPLATE_FIELDS = ['name', 'language', 'category', 'body', 'footer'] as const;

export function CreateTemplateDialog() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          {t('templates.create')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="max-w-2xl">
        <DialogHeader title={t('templates.createTitle')} description={t('templates.createDescription')} />
        {isOpen ? <CreateTemplateForm onDone={() => setIsOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function CreateTemplateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const createTemplate = useCreateTemplate();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(
    () =>
      z.object({
        name: z
          .string()
          .trim()
          .min(1, t('validation.required'))
          .max(512, t('validation.tooLong', { max: 512 }))
          .regex(/^[a-z0-9_]+$/, t('templates.validation.name')),
        language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, t('templates.validation.language')),
        category: z.enum(CATEGORIES),
        body: z
          .string()
          .trim()
          .min(1, t('validation.required'))
          .max(MAX_BODY, t('validation.tooLong', { max: MAX_BODY }))
          .refine((text) => highestPlaceholder(text) === placeholderCount(text), t('templates.validation.placeholders')),
        footer: z.string().trim().max(MAX_FOOTER, t('validation.tooLong', { max: MAX_FOOTER })),
        examples: z.array(z.string()),
      }),
    [t],
  );
  type TemplateValues = z.infer<typeof schema>;
  const form = useForm<TemplateValues>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: { name: '', language: 'en', category: 'UTILITY', body: '', footer: '', examples: [] },
  });
  const { errors } = form.formState;
  const [body = '', footer = '', examples = []] = useWatch({ control: form.control, name: ['body', 'footer', 'examples'] });
  const variableCount = highestPlaceholder(body);

  function insertVariable() {
    const next = `${body}${body && !body.endsWith(' ') ? ' ' : ''}{{${variableCount + 1}}}`;
    form.setValue('body', next, { shouldValidate: true, shouldDirty: true });
    form.setFocus('body');
  }

  const onSubmit = form.handleSubmit((values) => {
    const sample = values.examples.slice(0, variableCount).map((value) => value.trim());
    const hasExamples = variableCount > 0 && sample.length === variableCount && sample.every(Boolean);
    const components: Array<{ type: 'BODY' | 'FOOTER'; text: string; example?: Record<string, unknown> }> = [
      { type: 'BODY', text: values.body, ...(hasExamples ? { example: { body_text: [sample] } } : {}) },
    ];
    if (values.footer) components.push({ type: 'FOOTER', text: values.footer });
    createTemplate.mutate(
      { name: values.name, language: values.language, category: values.category, components },
      {
        onSuccess: (template) => {
          toast.success(t('templates.created', { name: template.name, status: template.status }));
          onDone();
        },
        onError: (error) => showFormError(error, form.setError, TEMPLATE_FIELDS),
      },
    );
  });

  return (
    <form className="grid gap-4 md:grid-cols-[1fr_16rem]" onSubmit={onSubmit} noValidate>
      <div className="grid content-start gap-4">
        <FormField label={t('templates.fields.name')} error={errors.name?.message} hint={t('templates.hints.name')}>
          <Input autoFocus autoComplete="off" placeholder="order_update" {...form.register('name')} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <Controller
            control={form.control}
            name="language"
            render={({ field }) => (
              <FormField label={t('templates.fields.language')} error={errors.language?.message}>
                <OptionSelect value={field.value} onChange={field.onChange} options={LANGUAGES.map((code) => ({ value: code, label: code }))} />
              </FormField>
            )}
          />
          <Controller
            control={form.control}
            name="category"
            render={({ field }) => (
              <FormField label={t('templates.fields.category')} error={errors.category?.message} hint={t(`templates.categoryHints.${field.value}`)}>
                <OptionSelect
                  value={field.value}
                  onChange={field.onChange}
                  options={CATEGORIES.map((category) => ({ value: category, label: t(`templates.categories.${category}`) }))}
                />
              </FormField>
            )}
          />
        </div>
        <div className="grid gap-1.5">
          <FormField label={t('templates.fields.body')} error={errors.body?.message} hint={t('templates.hints.body')}>
            <Textarea rows={5} maxLength={MAX_BODY} {...form.register('body')} />
          </FormField>
          <div className="flex items-center justify-between gap-2">
            <Button type="button" variant="link" size="sm" className="h-auto px-0" onClick={insertVariable}>
              <Braces aria-hidden />
              {t('templates.insertVariable', { placeholder: `{{${variableCount + 1}}}` })}
            </Button>
            <span className="text-xs text-zinc-500">
              {body.length}/{MAX_BODY}
            </span>
          </div>
        </div>
        {variableCount > 0 ? (
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium text-zinc-800">{t('templates.examplesLegend')}</legend>
            <p className="-mt-1 text-xs text-zinc-500">{t('templates.examplesHint')}</p>
            <div className="grid gap-2 sm:grid-cols-2">
              {Array.from({ length: variableCount }, (_, index) => (
                <FormField key={index} label={t('templates.exampleFor', { placeholder: `{{${index + 1}}}` })}>
                  <Input autoComplete="off" {...form.register(`examples.${index}`)} />
                </FormField>
              ))}
            </div>
          </fieldset>
        ) : null}
        <FormField label={t('templates.fields.footer')} error={errors.footer?.message} hint={t('templates.hints.footer')}>
          <Input maxLength={MAX_FOOTER} autoComplete="off" {...form.register('footer')} />
        </FormField>
      </div>
      <TemplatePreview className="content-start" body={body} footer={footer} variables={examples} />
      <DialogFooter className="md:col-span-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('common.cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={createTemplate.isPending}>
          {t('templates.createSubmit')}
        </Button>
      </DialogFooter>
    </form>
  );
}
