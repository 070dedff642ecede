import { zodResolver } from '@hookform/resolvers/zod';
import { type TFunction } from 'i18next';
import { Braces, Plus } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { Controller, type FieldError, useForm, type UseFormReturn, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '@/api';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { cn } from '@/lib/classNames';
import { useErrorFeedback } from '@/lib/feedback';
import { useCreateTemplate } from './api';
import { TemplatePreview } from './TemplatePreview';
import {
  examplesOf,
  type ExampleSlot,
  exampleSlots,
  nextVariableName,
  type ParameterFormat,
  placeServerErrors,
  templateComponents,
  type VariableProblem,
  variableProblem,
} from './templates';

const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
const FORMATS = ['POSITIONAL', 'NAMED'] as const;
/** WhatsApp's codes for the languages ImaraDesk's users write in most. */
const LANGUAGES = ['en', 'en_US', 'en_GB', 'fr', 'pt_BR', 'pt_PT', 'sw', 'ar', 'ha', 'es', 'de', 'zu', 'af'] as const;
const MAX_HEADER = 60;
const MAX_BODY = 1024;
const MAX_FOOTER = 60;
/** How each format's variables look, in the choice and in the hints. */
const FORMAT_EXAMPLES: Record<ParameterFormat, [string, string]> = {
  POSITIONAL: ['{{1}}', '{{2}}'],
  NAMED: ['{{customer_name}}', '{{order_id}}'],
};
const TEMPLATE_FIELDS = ['name', 'language', 'category', 'parameterFormat', 'header', 'body', 'footer', 'examples'] as const;

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

function describeProblem(problem: VariableProblem, t: TFunction): string {
  const [first, second] = FORMAT_EXAMPLES.POSITIONAL;
  const example = FORMAT_EXAMPLES.NAMED[0];
  switch (problem.kind) {
    case 'missingNumber':
      return t('templates.validation.missingNumber', { placeholder: problem.placeholder, first, second });
    case 'notNumbered':
      return t('templates.validation.notNumbered', { placeholder: problem.placeholder, first, second });
    case 'numberInNamed':
      return t('templates.validation.numberInNamed', { placeholder: problem.placeholder, example });
    case 'invalidName':
      return t('templates.validation.invalidName', { placeholder: problem.placeholder, example });
    case 'unclosed':
      return t('templates.validation.unclosed', { example });
    case 'tooMany':
      return t('templates.validation.tooMany');
  }
}

/** The API's rules (name, language, lengths) plus WhatsApp's rules for variables, checked as the owner types. */
function templateSchema(t: TFunction) {
  return z
    .object({
      name: z
        .string()
        .trim()
        .min(1, t('validation.required'))
        .max(512, t('validation.tooLong', { max: 512 }))
        .regex(/^[a-z0-9_]+$/, t('templates.validation.name')),
      language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, t('templates.validation.language')),
      category: z.enum(CATEGORIES),
      parameterFormat: z.enum(FORMATS),
      header: z.string().trim().max(MAX_HEADER, t('validation.tooLong', { max: MAX_HEADER })),
      body: z.string().trim().min(1, t('validation.required')).max(MAX_BODY, t('validation.tooLong', { max: MAX_BODY })),
      footer: z.string().trim().max(MAX_FOOTER, t('validation.tooLong', { max: MAX_FOOTER })),
      examples: z.record(z.string(), z.string()),
    })
    .superRefine((values, context) => {
      // WhatsApp allows one variable in a header; the body has no such limit.
      const problems = { header: variableProblem(values.header, values.parameterFormat, 1), body: variableProblem(values.body, values.parameterFormat) };
      for (const [part, problem] of Object.entries(problems)) {
        if (problem) context.addIssue({ code: 'custom', path: [part], message: describeProblem(problem, t) });
      }
    });
}

type TemplateForm = z.infer<ReturnType<typeof templateSchema>>;

function CreateTemplateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const createTemplate = useCreateTemplate();
  const { showFormError } = useErrorFeedback();
  const schema = useMemo(() => templateSchema(t), [t]);
  const form = useForm<TemplateForm>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: { name: '', language: 'en', category: 'UTILITY', parameterFormat: 'POSITIONAL', header: '', body: '', footer: '', examples: {} },
  });
  const { errors } = form.formState;
  const [format = 'POSITIONAL', header = '', body = '', footer = '', examples = {}] = useWatch({
    control: form.control,
    name: ['parameterFormat', 'header', 'body', 'footer', 'examples'],
  });
  const slots = exampleSlots({ header, body }, format);

  const onSubmit = form.handleSubmit((values) => {
    const components = templateComponents({ format: values.parameterFormat, header: values.header, body: values.body, footer: values.footer, examples: values.examples });
    createTemplate.mutate(
      { name: values.name, language: values.language, category: values.category, parameter_format: values.parameterFormat, components },
      {
        onSuccess: (template) => {
          toast.success(t('templates.created', { name: template.name, status: template.status }));
          onDone();
        },
        onError: (error) => {
          if (!isApiError(error)) return showFormError(error, form.setError, TEMPLATE_FIELDS);
          // A name already taken in this language is about the name field, though the API answers 409 without fields.
          if (error.code === 'template_exists') return form.setError('name', { type: 'server', message: error.message }, { shouldFocus: true });
          const fields = placeServerErrors(error.fields, components);
          showFormError({ code: error.code, message: error.message, fields }, form.setError, TEMPLATE_FIELDS);
        },
      },
    );
  });

  return (
    <form className="grid gap-4 md:grid-cols-[1fr_16rem]" onSubmit={onSubmit} noValidate>
      <div className="grid min-w-0 content-start gap-4">
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
        <FormatChoice form={form} />
        <FormField label={t('templates.fields.header')} error={errors.header?.message} hint={t('templates.hints.header')}>
          <Input autoComplete="off" maxLength={MAX_HEADER} {...form.register('header')} />
        </FormField>
        <BodyField form={form} format={format} body={body} />
        {slots.length > 0 ? <ExampleFields form={form} slots={slots} format={format} examples={examples} /> : null}
        <FormField label={t('templates.fields.footer')} error={errors.footer?.message} hint={t('templates.hints.footer')}>
          <Input maxLength={MAX_FOOTER} autoComplete="off" {...form.register('footer')} />
        </FormField>
      </div>
      <TemplatePreview
        // Stays in sight while the owner scrolls down to the examples.
        className="self-start md:sticky md:top-0"
        header={header.trim() || undefined}
        headerVariables={examplesOf('header', header, format, examples)}
        body={body}
        footer={footer}
        variables={examplesOf('body', body, format, examples)}
      />
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

/** Numbered {{1}} or named {{customer_name}} variables: switching re-checks what is already written. */
function FormatChoice({ form }: { form: UseFormReturn<TemplateForm> }) {
  const { t } = useTranslation();
  const error = form.formState.errors.parameterFormat?.message;
  return (
    <Controller
      control={form.control}
      name="parameterFormat"
      render={({ field }) => (
        <div className="grid gap-1.5">
          <span className="text-sm font-medium text-zinc-800" aria-hidden>
            {t('templates.fields.variables')}
          </span>
          <SegmentedControl
            className="w-full"
            label={t('templates.fields.variables')}
            value={field.value}
            onChange={(next) => {
              field.onChange(next);
              // Re-check only what is written: an empty message is not an error before the owner typed it.
              const written = (['header', 'body'] as const).filter((part) => form.getValues(part).trim());
              if (written.length > 0) void form.trigger(written);
            }}
            options={FORMATS.map((value) => ({ value, label: t(`templates.formats.${value}`, { example: FORMAT_EXAMPLES[value][0] }) }))}
          />
          {error ? (
            <p className="text-xs font-medium text-red-600" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      )}
    />
  );
}

/** The message, with a button that inserts the next variable where the cursor is. */
function BodyField({ form, format, body }: { form: UseFormReturn<TemplateForm>; format: ParameterFormat; body: string }) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const registration = form.register('body');
  const nextName = nextVariableName(body, format);
  const [first, second] = FORMAT_EXAMPLES[format];

  function insertVariable() {
    const element = bodyRef.current;
    const current = form.getValues('body');
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const before = current.slice(0, start);
    const spacer = before && !/\s$/.test(before) ? ' ' : '';
    form.setValue('body', `${before}${spacer}{{${nextName}}}${current.slice(end)}`, { shouldValidate: true, shouldDirty: true });
    if (!element) return;
    element.focus();
    // A suggested name is selected, so typing replaces it with a real one; after a number the cursor moves on.
    const nameStart = before.length + spacer.length + 2;
    if (format === 'NAMED') element.setSelectionRange(nameStart, nameStart + nextName.length);
    else element.setSelectionRange(nameStart + nextName.length + 2, nameStart + nextName.length + 2);
  }

  return (
    <div className="grid gap-1.5">
      <FormField label={t('templates.fields.body')} error={form.formState.errors.body?.message} hint={t(`templates.hints.body${format}`, { first, second })}>
        <Textarea
          rows={5}
          maxLength={MAX_BODY}
          {...registration}
          ref={(element) => {
            registration.ref(element);
            bodyRef.current = element;
          }}
        />
      </FormField>
      <div className="flex items-center justify-between gap-2">
        <Button type="button" variant="link" size="sm" className="h-auto min-w-0 px-0" onClick={insertVariable}>
          <Braces aria-hidden />
          <span className="truncate">{t('templates.insertVariable', { placeholder: `{{${nextName}}}` })}</span>
        </Button>
        <span className="shrink-0 text-xs text-zinc-500">
          {body.length}/{MAX_BODY}
        </span>
      </div>
    </div>
  );
}

/** One example per variable as written; an example stays with its variable's name while the text changes. */
function ExampleFields({
  form,
  slots,
  format,
  examples,
}: {
  form: UseFormReturn<TemplateForm>;
  slots: ExampleSlot[];
  format: ParameterFormat;
  examples: Record<string, string>;
}) {
  const { t } = useTranslation();
  // The examples are one record, so its own error (from the server) has to be read as a plain field error.
  const error = (form.formState.errors.examples as FieldError | undefined)?.message;
  const setExample = (key: string, value: string) =>
    form.setValue('examples', { ...form.getValues('examples'), [key]: value }, { shouldDirty: true, shouldValidate: true });
  return (
    <fieldset className="grid gap-2" data-testid="template-examples">
      <legend className="mb-1 text-sm font-medium text-zinc-800">{t('templates.examplesLegend')}</legend>
      <p className="-mt-1 text-xs text-zinc-500">{t('templates.examplesHint')}</p>
      {/* Names are long: one per line; numbers are short: two per line. */}
      <div className={cn('grid gap-2', format === 'POSITIONAL' && 'sm:grid-cols-2')}>
        {slots.map((slot) => {
          const placeholder = `{{${slot.name}}}`;
          const isNumberedHeader = format === 'POSITIONAL' && slot.part === 'header';
          return (
            <FormField
              key={slot.key}
              className="min-w-0"
              label={isNumberedHeader ? t('templates.headerExampleFor', { placeholder }) : t('templates.exampleFor', { placeholder })}
            >
              <Input autoComplete="off" value={examples[slot.key] ?? ''} onChange={(event) => setExample(slot.key, event.target.value)} />
            </FormField>
          );
        })}
      </div>
      {error ? (
        <p className="text-xs font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
