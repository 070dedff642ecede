import type { AiRoutingRead, AiRoutingUpdate } from '@/api';

/** The nine intents every message is labelled with (imaradesk/ai/schemas.py INTENTS). */
export const INTENTS = [
  'greeting',
  'product_inquiry',
  'order_status',
  'billing_payment',
  'technical_support',
  'complaint',
  'refund_return',
  'human_agent',
  'other',
] as const;

export type Intent = (typeof INTENTS)[number];

/** The API's limit per phrase (ExamplePhrase). */
export const MAX_PHRASE_LENGTH = 300;

/** One phrase a line: trimmed, blank lines dropped, repeats kept once (first wins, case-insensitive). */
export function parsePhrases(text: string): string[] {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const phrase = line.trim();
    const key = phrase.toLocaleLowerCase();
    if (!phrase || seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return phrases;
}

export function formatPhrases(phrases: readonly string[]): string {
  return phrases.join('\n');
}

/** The first phrase over the API's limit, if any, so the form can say which one. */
export function firstTooLong(phrases: readonly string[]): string | undefined {
  return phrases.find((phrase) => phrase.length > MAX_PHRASE_LENGTH);
}

export function examplesOf(routing: AiRoutingRead, intent: Intent): string[] {
  return routing.intent_examples[intent] ?? [];
}

/**
 * Every intent's phrases with one intent's replaced (PUT replaces the whole map; an intent left
 * out or with no phrases goes back to the built-in examples).
 */
export function examplesWithIntent(routing: AiRoutingRead, intent: Intent, phrases: readonly string[]): AiRoutingUpdate {
  const examples: Record<string, string[]> = {};
  for (const name of INTENTS) {
    const list = name === intent ? [...phrases] : examplesOf(routing, name);
    if (list.length > 0) examples[name] = list;
  }
  return { intent_examples: examples };
}
