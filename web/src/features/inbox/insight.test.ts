import { describe, expect, it } from 'vitest';
import type { MessageInsight } from '@/api';
import { isUnsure, languageName, percent, sentimentTone, sourceLabel } from './insight';

describe('sentimentTone', () => {
  it.each<[number, string]>([
    [-0.9, 'negative'],
    [-0.25, 'negative'],
    [-0.2, 'neutral'],
    [0, 'neutral'],
    [0.24, 'neutral'],
    [0.25, 'positive'],
    [1, 'positive'],
  ])('%s reads as %s', (score, tone) => {
    expect(sentimentTone(score)).toBe(tone);
  });
});

describe('confidence', () => {
  it('shows whole percentages, clamped', () => {
    expect(percent(0.874)).toBe('87%');
    expect(percent(1.2)).toBe('100%');
    expect(percent(-0.1)).toBe('0%');
  });

  it('marks low confidence as unsure', () => {
    expect(isUnsure(0.3)).toBe(true);
    expect(isUnsure(0.8)).toBe(false);
  });
});

describe('languageName', () => {
  it('names the language in the interface language', () => {
    expect(languageName('sw', 'en')).toBe('Swahili');
    expect(languageName('fr', 'en')).toBe('French');
  });

  it('keeps a code it cannot name', () => {
    expect(languageName('', 'en')).toBe('');
    expect(languageName('not a code', 'en')).toBe('not a code');
  });
});

describe('sourceLabel', () => {
  const insight: MessageInsight = {
    intent: 'order_status',
    intent_confidence: 0.9,
    sentiment: -0.4,
    language: 'sw',
    language_confidence: 0.95,
    sources: {
      intent: { provider: 'local', model: 'usem3', method: 'centroid' },
      sentiment: { provider: 'openai', model: 'gpt-4o', method: null },
    },
  };

  it('prefers the method, falls back to the model', () => {
    expect(sourceLabel(insight, 'intent')).toBe('local · centroid');
    expect(sourceLabel(insight, 'sentiment')).toBe('openai · gpt-4o');
    expect(sourceLabel(insight, 'language')).toBe('');
  });
});
