import type { MessageInsight } from '@/api';

/** How a sentiment score reads to an agent: the same ±0.25 cut the evaluation uses. */
export type SentimentTone = 'negative' | 'neutral' | 'positive';

export const SENTIMENT_CUT = 0.25;

export function sentimentTone(score: number): SentimentTone {
  if (score <= -SENTIMENT_CUT) return 'negative';
  if (score >= SENTIMENT_CUT) return 'positive';
  return 'neutral';
}

/** 0.87 → "87%"; labels below this are shown as unsure rather than hidden. */
export function percent(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

export const UNSURE_BELOW = 0.5;

export function isUnsure(confidence: number): boolean {
  return confidence < UNSURE_BELOW;
}

/** "sw" → "Swahili" in the agent's interface language; unknown codes stay as they are. */
export function languageName(code: string, uiLanguage: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Who labelled the message, for the tooltip: "local · vader" or "openai · gpt-4o". */
export function sourceLabel(insight: MessageInsight, label: 'intent' | 'sentiment' | 'language'): string {
  const source = insight.sources[label];
  if (!source) return '';
  return [source.provider, source.method ?? source.model].filter(Boolean).join(' · ');
}
