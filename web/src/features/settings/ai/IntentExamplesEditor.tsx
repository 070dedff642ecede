import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { type AiRouting, useUpdateAiRouting } from './api';
import { examplesOf, examplesWithIntent, firstTooLong, formatPhrases, type Intent, MAX_PHRASE_LENGTH, parsePhrases } from './intentExamples';

type IntentExamplesEditorProps = { intent: Intent; routing: AiRouting; canManage: boolean };

/**
 * One intent's phrases, one a line. Saving sends every intent's phrases (the API replaces the whole
 * map); an empty list brings back the built-in examples. Remounted (by key) when the saved phrases change.
 */
export function IntentExamplesEditor({ intent, routing, canManage }: IntentExamplesEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const intentName = t(`insight.intents.${intent}`);
  const saved = examplesOf(routing, intent);
  const [text, setText] = useState(formatPhrases(saved));
  const updateRouting = useUpdateAiRouting();
  const { showError } = useErrorFeedback();
  const phrases = parsePhrases(text);
  const tooLong = firstTooLong(phrases);
  const isDirty = formatPhrases(phrases) !== formatPhrases(saved);
  const error = tooLong ? t('aiSettings.intents.tooLong', { max: MAX_PHRASE_LENGTH, phrase: `${tooLong.slice(0, 40)}…` }) : undefined;

  function save(next: readonly string[]) {
    updateRouting.mutate(examplesWithIntent(routing, intent, next), {
      onSuccess: () =>
        toast.success(next.length > 0 ? t('aiSettings.intents.saved', { intent: intentName }) : t('aiSettings.intents.restored', { intent: intentName })),
      onError: showError,
    });
  }

  return (
    <section className="grid content-start gap-2 rounded-lg border border-zinc-200 p-4" aria-label={intentName} data-testid="intent-editor" data-intent={intent}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canManage ? (
          <label htmlFor={id} className="text-sm font-semibold text-zinc-900">
            {intentName}
          </label>
        ) : (
          <h3 className="text-sm font-semibold text-zinc-900">{intentName}</h3>
        )}
        {saved.length > 0 ? (
          <Badge tone="accent">{t('aiSettings.intents.ownCount', { count: saved.length })}</Badge>
        ) : (
          <Badge>{t('aiSettings.intents.usingBuiltIn')}</Badge>
        )}
      </div>
      {canManage ? (
        <>
          <Textarea
            id={id}
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t(`aiSettings.intents.placeholders.${intent}`)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint`}
            spellCheck={false}
          />
          {error ? (
            <p id={`${id}-hint`} className="text-xs font-medium text-red-600" role="alert">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="text-xs text-zinc-500">
              {t('aiSettings.intents.hint')}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            {saved.length > 0 ? (
              <Button variant="ghost" size="sm" disabled={updateRouting.isPending} onClick={() => save([])}>
                {t('aiSettings.intents.useBuiltIn')}
              </Button>
            ) : null}
            <Button
              size="sm"
              disabled={!isDirty || Boolean(error)}
              isLoading={updateRouting.isPending}
              onClick={() => save(phrases)}
              aria-label={t('aiSettings.intents.saveFor', { intent: intentName })}
            >
              {t('common.save')}
            </Button>
          </div>
        </>
      ) : saved.length > 0 ? (
        <ul className="grid gap-1 text-sm text-zinc-700">
          {saved.map((phrase) => (
            <li key={phrase} className="rounded bg-zinc-50 px-2 py-1">
              {phrase}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">
          {t('aiSettings.intents.builtInShort')}
        </p>
      )}
    </section>
  );
}
