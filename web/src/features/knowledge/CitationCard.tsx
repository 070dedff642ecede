import { FileText } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationRead } from '@/api';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/classNames';
import { scorePercent } from './answers';
import { CitationMarker } from './CitationMarker';

const LONG_PASSAGE = 360;

/** One source of the answer: the document, where in it, how close it was, and the passage itself. */
export function CitationCard({ citation }: { citation: CitationRead }) {
  const { t } = useTranslation();
  const isLong = citation.passage.length > LONG_PASSAGE;
  const [isExpanded, setIsExpanded] = useState(false);
  const location = [
    t('knowledge.citation.chunk', { number: citation.chunk + 1 }),
    citation.page ? t('knowledge.citation.page', { number: citation.page }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <li className="grid grid-cols-1 gap-2 rounded-lg border border-zinc-200 bg-white p-3" data-testid="citation-card" aria-label={citation.document_name}>
      <div className="flex items-start gap-2">
        <CitationMarker number={citation.number} className="mt-0.5" />
        <div className="grid min-w-0 flex-1 gap-0.5">
          <p className="flex items-start gap-1.5 text-sm font-medium text-zinc-900">
            <FileText className="mt-0.5 size-3.5 shrink-0 text-zinc-400" aria-hidden />
            <span className="min-w-0 [overflow-wrap:anywhere]">{citation.document_name}</span>
          </p>
          <p className="text-xs text-zinc-500">{location}</p>
        </div>
        <span className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700" title={t('knowledge.citation.scoreHint')}>
          {t('knowledge.citation.score', { percent: scorePercent(citation.score) })}
        </span>
      </div>
      <blockquote
        className={cn('whitespace-pre-line border-l-2 border-emerald-200 pl-3 text-sm text-zinc-700', isLong && !isExpanded && 'line-clamp-5')}
      >
        {citation.passage}
      </blockquote>
      {isLong ? (
        <Button variant="link" size="sm" className="h-auto justify-self-start px-0" onClick={() => setIsExpanded((value) => !value)}>
          {isExpanded ? t('knowledge.citation.showLess') : t('knowledge.citation.showMore')}
        </Button>
      ) : null}
    </li>
  );
}
