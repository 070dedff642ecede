import { describe, expect, it } from 'vitest';
import { answerSegments, modeBadge, scorePercent } from './answers';

describe('modeBadge', () => {
  it('says who wrote the answer', () => {
    expect(modeBadge({ mode: 'generated', provider: 'OpenAI', model: 'gpt-4o-mini' })).toEqual({
      tone: 'accent',
      labelKey: 'knowledge.answer.mode.generated',
      provider: 'OpenAI',
    });
    expect(modeBadge({ mode: 'generated', provider: null, model: 'llama3' }).provider).toBe('llama3');
    expect(modeBadge({ mode: 'extractive', provider: null, model: null })).toEqual({ tone: 'neutral', labelKey: 'knowledge.answer.mode.extractive' });
    expect(modeBadge({ mode: 'refused', provider: null, model: null })).toEqual({ tone: 'warning', labelKey: 'knowledge.answer.mode.refused' });
  });
});

describe('scorePercent', () => {
  it('shows cosine similarity as a clamped whole percentage', () => {
    expect(scorePercent(0.4012)).toBe(40);
    expect(scorePercent(0.995)).toBe(100);
    expect(scorePercent(-0.2)).toBe(0);
  });
});

describe('answerSegments', () => {
  it('splits the citation numbers out of the answer text', () => {
    expect(answerSegments('“Three working days.” [1] “Free returns.” [2]')).toEqual([
      { kind: 'text', text: '“Three working days.” ' },
      { kind: 'citation', number: 1 },
      { kind: 'text', text: ' “Free returns.” ' },
      { kind: 'citation', number: 2 },
    ]);
  });

  it('leaves brackets that are not citations as text', () => {
    expect(answerSegments('See [3] and [1].', new Set([1]))).toEqual([
      { kind: 'text', text: 'See [3] and ' },
      { kind: 'citation', number: 1 },
      { kind: 'text', text: '.' },
    ]);
    expect(answerSegments('No citations here.')).toEqual([{ kind: 'text', text: 'No citations here.' }]);
  });
});
