import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, SendHorizontal, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import { type FieldValues, type Path, useFieldArray, useForm, type UseFormReturn, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/classNames';
import { type Conversation, useSendMessage } from './api';
import { useComposer } from './composerContext';
import { type ButtonsForm, buttonsSchema, LIMITS, type ListForm, listSchema, toButtonsSend, toListSend } from './interactive';

type Kind = 'buttons' | 'list';
/** `inline` in the composer box (desktop); `sheet` fills a full-screen page (phone), its send bar stuck to the bottom. */
type Layout = 'inline' | 'sheet';
type BuilderProps = { conversation: Conversation; layout: Layout; onSent?: () => void };

/** Reply buttons (1–3) or a list (sections of rows), checked as you type against WhatsApp's limits. */
export function InteractiveComposer({ conversation, layout, onSent }: BuilderProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('buttons');
  const builderProps = { conversation, layout, onSent };
  return (
    <div className={cn('px-3 sm:px-4', layout === 'sheet' ? 'flex flex-1 flex-col gap-3 pt-3' : 'grid gap-3 pb-3 pt-2')} data-testid="interactive-composer">
      <SegmentedControl
        className="self-start justify-self-start whitespace-nowrap"
        label={t('inbox.interactive.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'buttons', label: t('inbox.interactive.buttons') },
          { value: 'list', label: t('inbox.interactive.list') },
        ]}
      />
      {kind === 'buttons' ? <ButtonsBuilder {...builderProps} /> : <ListBuilder {...builderProps} />}
    </div>
  );
}

/** Sends, then clears the form and the quote; server field errors land on their field, the rest on the composer. */
function useInteractiveSend<TForm extends FieldValues>(conversation: Conversation, form: UseFormReturn<TForm>, empty: TForm, onSent?: () => void) {
  const send = useSendMessage(conversation.id);
  const composer = useComposer();
  return {
    isPending: send.isPending,
    submit: (body: Parameters<typeof send.mutate>[0]) => {
      composer?.setError(null);
      send.mutate(body, {
        onSuccess: () => {
          form.reset(empty);
          composer?.setReplyTo(null);
          onSent?.();
        },
        onError: (error) => {
          const fields = isApiError(error) ? error.fields : {};
          let placed = 0;
          for (const [name, message] of Object.entries(fields)) {
            if (name === 'type' || name === 'reply_to_message_id') continue;
            form.setError(name as Path<TForm>, { type: 'server', message }, { shouldFocus: placed === 0 });
            placed += 1;
          }
          composer?.showError(error);
        },
      });
    },
  };
}

/** The form's layout, and its send bar: on a full-screen page the bar stays at the bottom of the screen. */
function builderClasses(layout: Layout): { form: string; actions: string } {
  return layout === 'sheet'
    ? {
        form: 'flex flex-1 flex-col gap-3',
        actions: 'sticky bottom-0 z-10 -mx-3 mt-auto flex flex-wrap items-center gap-2 border-t border-zinc-200 bg-white px-3 py-2 sm:-mx-4 sm:px-4',
      }
    : { form: 'grid gap-3', actions: 'flex flex-wrap items-center gap-2' };
}

function Counter({ value, max }: { value: string | undefined; max: number }) {
  const length = value?.length ?? 0;
  return <span className={length > max ? 'font-medium text-red-600' : 'text-zinc-400'}>{`${length}/${max}`}</span>;
}

const EMPTY_BUTTONS: ButtonsForm = { text: '', footer: '', buttons: [{ title: '' }, { title: '' }] };

function ButtonsBuilder({ conversation, layout, onSent }: BuilderProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => buttonsSchema(t), [t]);
  const form = useForm<ButtonsForm>({ resolver: zodResolver(schema), mode: 'onChange', defaultValues: EMPTY_BUTTONS });
  const buttons = useFieldArray({ control: form.control, name: 'buttons' });
  const [text, titles] = useWatch({ control: form.control, name: ['text', 'buttons'] });
  const composer = useComposer();
  const { submit, isPending } = useInteractiveSend(conversation, form, EMPTY_BUTTONS, onSent);
  const classes = builderClasses(layout);
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => submit(toButtonsSend(values, composer?.replyTo?.id ?? null)));

  return (
    <form className={classes.form} onSubmit={onSubmit} noValidate data-testid="buttons-builder">
      <FormField label={t('inbox.interactive.body')} error={errors.text?.message} hint={<Counter value={text} max={LIMITS.body} />}>
        <Textarea rows={2} placeholder={t('inbox.interactive.bodyPlaceholder')} {...form.register('text')} />
      </FormField>
      <div className="grid gap-2 sm:max-w-md">
        {buttons.fields.map((field, index) => (
          <FormField
            key={field.id}
            label={t('inbox.interactive.buttonTitle', { number: index + 1 })}
            error={errors.buttons?.[index]?.title?.message}
            hint={<Counter value={titles?.[index]?.title} max={LIMITS.buttonTitle} />}
          >
            <RemovableInput
              removeLabel={t('inbox.interactive.removeButton', { number: index + 1 })}
              onRemove={buttons.fields.length > 1 ? () => buttons.remove(index) : undefined}
              inputProps={form.register(`buttons.${index}.title`)}
            />
          </FormField>
        ))}
      </div>
      <FormField label={t('inbox.interactive.footer')} error={errors.footer?.message}>
        <Input autoComplete="off" {...form.register('footer')} />
      </FormField>
      <div className={classes.actions}>
        <Button type="submit" isLoading={isPending}>
          {isPending ? null : <SendHorizontal aria-hidden />}
          {t('inbox.interactive.send')}
        </Button>
        {buttons.fields.length < LIMITS.buttons ? (
          <Button type="button" variant="secondary" onClick={() => buttons.append({ title: '' })}>
            <Plus aria-hidden />
            {t('inbox.interactive.addButton')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

const EMPTY_LIST: ListForm = { text: '', header: '', footer: '', button: '', sections: [{ title: '', rows: [{ title: '', description: '' }] }] };

function ListBuilder({ conversation, layout, onSent }: BuilderProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => listSchema(t), [t]);
  const form = useForm<ListForm>({ resolver: zodResolver(schema), mode: 'onChange', defaultValues: EMPTY_LIST });
  const sections = useFieldArray({ control: form.control, name: 'sections' });
  const [text, watchedSections] = useWatch({ control: form.control, name: ['text', 'sections'] });
  const rowCount = (watchedSections ?? []).reduce((sum, section) => sum + (section?.rows?.length ?? 0), 0);
  const composer = useComposer();
  const { submit, isPending } = useInteractiveSend(conversation, form, EMPTY_LIST, onSent);
  const classes = builderClasses(layout);
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => submit(toListSend(values, composer?.replyTo?.id ?? null)));

  return (
    <form className={classes.form} onSubmit={onSubmit} noValidate data-testid="list-builder">
      <FormField label={t('inbox.interactive.body')} error={errors.text?.message} hint={<Counter value={text} max={LIMITS.body} />}>
        <Textarea rows={2} {...form.register('text')} />
      </FormField>
      <div className="grid gap-2 sm:grid-cols-3">
        <FormField label={t('inbox.interactive.listButton')} error={errors.button?.message}>
          <Input autoComplete="off" placeholder={t('inbox.interactive.listButtonPlaceholder')} {...form.register('button')} />
        </FormField>
        <FormField label={t('inbox.interactive.header')} error={errors.header?.message}>
          <Input autoComplete="off" {...form.register('header')} />
        </FormField>
        <FormField label={t('inbox.interactive.footer')} error={errors.footer?.message}>
          <Input autoComplete="off" {...form.register('footer')} />
        </FormField>
      </div>
      {sections.fields.map((field, index) => (
        <SectionEditor
          key={field.id}
          form={form}
          index={index}
          canAddRow={rowCount < LIMITS.rows}
          onRemove={sections.fields.length > 1 ? () => sections.remove(index) : undefined}
          isTitleRequired={sections.fields.length > 1}
        />
      ))}
      {errors.sections?.message || errors.sections?.root?.message ? (
        <p className="text-xs font-medium text-red-600" role="alert">
          {errors.sections?.message ?? errors.sections?.root?.message}
        </p>
      ) : null}
      <div className={classes.actions}>
        <Button type="submit" isLoading={isPending}>
          {isPending ? null : <SendHorizontal aria-hidden />}
          {t('inbox.interactive.send')}
        </Button>
        {sections.fields.length < LIMITS.sections && rowCount < LIMITS.rows ? (
          <Button type="button" variant="secondary" onClick={() => sections.append({ title: '', rows: [{ title: '', description: '' }] })}>
            <Plus aria-hidden />
            {t('inbox.interactive.addSection')}
          </Button>
        ) : null}
        <span className="text-xs text-zinc-500">{t('inbox.interactive.rowsLeft', { count: Math.max(0, LIMITS.rows - rowCount) })}</span>
      </div>
    </form>
  );
}

function SectionEditor({
  form,
  index,
  canAddRow,
  onRemove,
  isTitleRequired,
}: {
  form: UseFormReturn<ListForm>;
  index: number;
  canAddRow: boolean;
  onRemove?: () => void;
  isTitleRequired: boolean;
}) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: form.control, name: `sections.${index}.rows` });
  const errors = form.formState.errors.sections?.[index];
  const number = index + 1;
  return (
    <fieldset className="grid gap-2 rounded-lg border border-zinc-200 p-2.5" data-testid="list-section">
      <div className="flex items-end gap-2">
        <FormField
          className="flex-1"
          label={isTitleRequired ? t('inbox.interactive.sectionTitle', { number }) : t('inbox.interactive.sectionTitleOptional', { number })}
          error={errors?.title?.message}
        >
          <Input autoComplete="off" {...form.register(`sections.${index}.title`)} />
        </FormField>
        {onRemove ? (
          <Button type="button" variant="ghost" size="icon" aria-label={t('inbox.interactive.removeSection', { number })} onClick={onRemove}>
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      {rows.fields.map((field, rowIndex) => (
        <div key={field.id} className="grid gap-2 sm:grid-cols-2">
          <FormField label={t('inbox.interactive.rowTitle', { number: rowIndex + 1 })} error={errors?.rows?.[rowIndex]?.title?.message}>
            <RemovableInput
              removeLabel={t('inbox.interactive.removeRow', { number: rowIndex + 1 })}
              onRemove={rows.fields.length > 1 ? () => rows.remove(rowIndex) : undefined}
              inputProps={form.register(`sections.${index}.rows.${rowIndex}.title`)}
            />
          </FormField>
          <FormField label={t('inbox.interactive.rowDescription')} error={errors?.rows?.[rowIndex]?.description?.message}>
            <Input autoComplete="off" {...form.register(`sections.${index}.rows.${rowIndex}.description`)} />
          </FormField>
        </div>
      ))}
      {canAddRow ? (
        <Button type="button" variant="ghost" size="sm" className="justify-self-start" onClick={() => rows.append({ title: '', description: '' })}>
          <Plus aria-hidden />
          {t('inbox.interactive.addRow')}
        </Button>
      ) : null}
    </fieldset>
  );
}

function RemovableInput({
  inputProps,
  onRemove,
  removeLabel,
  ...rest
}: {
  inputProps: ReturnType<UseFormReturn<FieldValues>['register']>;
  onRemove?: () => void;
  removeLabel: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <div className="flex items-center gap-1">
      <Input autoComplete="off" className="min-w-0 flex-1" {...rest} {...inputProps} />
      {onRemove ? (
        <Button type="button" variant="ghost" size="icon" className="size-8 shrink-0" aria-label={removeLabel} onClick={onRemove}>
          <X aria-hidden />
        </Button>
      ) : null}
    </div>
  );
}
