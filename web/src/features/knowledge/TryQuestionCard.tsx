import { MessageCircleQuestion, Search } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { OptionSelect } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/classNames';
import { useErrorFeedback } from '@/lib/feedback';
import { MAX_QUESTION_LENGTH } from './answers';
import { useAskQuestion, useDocuments } from './api';
import { AnswerView } from './AnswerView';
import { collectionsOf } from './documents';

const ALL_COLLECTIONS = '__all__';

/** Ask what a customer would ask and see what the assistant would answer, with its sources. */
export function TryQuestionCard({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [collection, setCollection] = useState(ALL_COLLECTIONS);
  const [questionError, setQuestionError] = useState<string | undefined>();
  const ask = useAskQuestion();
  const { showError } = useErrorFeedback();
  const collections = collectionsOf(useDocuments().data ?? []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    setQuestionError(undefined);
    ask.mutate(
      { question, collection: collection === ALL_COLLECTIONS ? null : collection },
      {
        onError: (error) => {
          const fieldError = isApiError(error) ? error.fields.question : undefined;
          if (fieldError) setQuestionError(fieldError);
          else showError(error);
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  const isTooLong = question.length > MAX_QUESTION_LENGTH;
  const isNearLimit = question.length > MAX_QUESTION_LENGTH * 0.8;
  return (
    <Card className={className}>
      <CardHeader title={t('knowledge.try.title')} description={t('knowledge.try.description')} />
      <CardBody className="grid grid-cols-1 gap-4">
        <form className="grid gap-3" onSubmit={submit} aria-label={t('knowledge.try.title')}>
          <FormField label={t('knowledge.try.question')} error={questionError} hint={t('knowledge.try.questionHint')}>
            <Textarea
              value={question}
              rows={2}
              className="min-h-16 resize-y"
              placeholder={t('knowledge.try.placeholder')}
              onChange={(event) => {
                setQuestion(event.target.value);
                if (questionError) setQuestionError(undefined);
              }}
              onKeyDown={onKeyDown}
            />
          </FormField>
          {collections.length > 0 ? (
            <FormField label={t('knowledge.try.collection')}>
              <OptionSelect
                value={collection}
                onChange={setCollection}
                options={[
                  { value: ALL_COLLECTIONS, label: t('knowledge.try.allCollections') },
                  ...collections.map((name) => ({ value: name, label: name })),
                ]}
              />
            </FormField>
          ) : null}
          <div className="flex items-center gap-3">
            <p className={cn('flex-1 text-xs tabular-nums', isTooLong ? 'font-medium text-red-600' : 'text-zinc-500')} aria-live="polite">
              {isNearLimit ? t('knowledge.try.length', { count: question.length, max: MAX_QUESTION_LENGTH }) : null}
            </p>
            <Button type="submit" isLoading={ask.isPending}>
              {ask.isPending ? null : <Search aria-hidden />}
              {t('knowledge.try.ask')}
            </Button>
          </div>
        </form>
        <div aria-live="polite">
          {ask.data && !ask.isPending ? (
            <AnswerView answer={ask.data} />
          ) : ask.isPending ? null : (
            <EmptyState
              className="py-6"
              icon={<MessageCircleQuestion />}
              title={t('knowledge.try.emptyTitle')}
              description={t('knowledge.try.emptyDescription')}
            />
          )}
        </div>
      </CardBody>
    </Card>
  );
}
