import { Bot, Quote, SearchX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { type KnowledgeAnswer, modeBadge } from './answers';

const ICONS = { generated: Bot, extractive: Quote, refused: SearchX } as const;

/** Who wrote the answer: a provider, the offline quoting, or nobody (not in the documents). */
export function AnswerModeBadge({ answer, className }: { answer: KnowledgeAnswer; className?: string }) {
  const { t } = useTranslation();
  const badge = modeBadge(answer);
  const Icon = ICONS[answer.mode];
  return (
    <Badge tone={badge.tone} className={className} data-testid="answer-mode" title={answer.model ?? undefined}>
      <Icon className="size-3" aria-hidden />
      {t(badge.labelKey, { provider: badge.provider })}
    </Badge>
  );
}
