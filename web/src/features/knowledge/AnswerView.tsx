import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type KnowledgeAnswer, answerSegments } from './answers';
import { AnswerModeBadge } from './AnswerModeBadge';
import { CitationCard } from './CitationCard';
import { CitationMarker } from './CitationMarker';

/** The answer as a customer would get it, then the passages it came from. */
export function AnswerView({ answer }: { answer: KnowledgeAnswer }) {
  const { t } = useTranslation();
  const cited = useMemo(() => new Set(answer.citations.map((citation) => citation.number)), [answer.citations]);
  const segments = useMemo(() => answerSegments(answer.text, cited), [answer.text, cited]);

  return (
    <div className="grid grid-cols-1 gap-3" data-testid="knowledge-answer">
      <AnswerModeBadge answer={answer} className="justify-self-start" />
      <p className="whitespace-pre-line text-sm leading-relaxed text-zinc-900" data-testid="answer-text">
        {segments.map((segment, index) =>
          segment.kind === 'text' ? <span key={index}>{segment.text}</span> : <CitationMarker key={index} number={segment.number} />,
        )}
      </p>
      {answer.mode === 'refused' ? <p className="text-xs text-zinc-600">{t('knowledge.answer.refusedHint')}</p> : null}
      {answer.citations.length > 0 ? (
        <section className="grid gap-2" aria-label={t('knowledge.answer.sources')}>
          <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">{t('knowledge.answer.sources')}</h3>
          <ol className="grid gap-2">
            {answer.citations.map((citation) => (
              <CitationCard key={citation.number} citation={citation} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
