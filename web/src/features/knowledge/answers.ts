import type { AnswerRead } from '@/api';

export type KnowledgeAnswer = AnswerRead;
export type AnswerMode = AnswerRead['mode'];

/** Same limit as the API (QuestionCreate.question); the server says so if it is exceeded. */
export const MAX_QUESTION_LENGTH = 2000;

export type ModeBadge = {
  tone: 'accent' | 'neutral' | 'warning';
  labelKey: 'knowledge.answer.mode.generated' | 'knowledge.answer.mode.extractive' | 'knowledge.answer.mode.refused';
  /** For "Written by {{provider}}". */
  provider?: string;
};

export function modeBadge(answer: Pick<KnowledgeAnswer, 'mode' | 'provider' | 'model'>): ModeBadge {
  switch (answer.mode) {
    case 'generated':
      return { tone: 'accent', labelKey: 'knowledge.answer.mode.generated', provider: answer.provider ?? answer.model ?? 'AI' };
    case 'extractive':
      return { tone: 'neutral', labelKey: 'knowledge.answer.mode.extractive' };
    case 'refused':
      return { tone: 'warning', labelKey: 'knowledge.answer.mode.refused' };
  }
}

/** Cosine similarity (-1…1) as a whole percentage, clamped to 0…100 for display. */
export function scorePercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'citation'; number: number };

/** Splits "… [1] … [2]" so the citation numbers can be shown as markers that match the cards. */
export function answerSegments(text: string, citedNumbers?: ReadonlySet<number>): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  const pattern = /\[(\d{1,3})\]/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const number = Number(match[1]);
    if (citedNumbers && !citedNumbers.has(number)) continue;
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'citation', number });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
