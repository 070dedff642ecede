import { describe, expect, it } from 'vitest';
import type { AiProviderRead, AiRoutingRead } from '@/api';
import { callQuery, formatLatency, NO_FILTERS, outcomeTone, pageRange, previousOffset } from './callLog';
import { examplesWithIntent, firstTooLong, parsePhrases } from './intentExamples';
import { localCanDo, maskedKey } from './kinds';
import { switchKind, toCreateRequest, toUpdateRequest, valuesForKind, valuesFromProvider } from './providerForm';
import { applyRoutingUpdate, moveItem, orderableProviders, routingWithDefault, routingWithOrder } from './routing';

function provider(overrides: Partial<AiProviderRead> = {}): AiProviderRead {
  return {
    id: 'p1',
    kind: 'openai',
    label: 'OpenAI',
    model: 'gpt-4o',
    base_url: 'https://api.openai.com/v1',
    embedding_model: 'text-embedding-3-small',
    has_key: true,
    key_last4: 'ab12',
    timeout_seconds: 20,
    is_enabled: true,
    created_at: '2026-11-25T10:00:00Z',
    ...overrides,
  };
}

const ROUTING: AiRoutingRead = {
  routing: {
    classification: ['openai', 'openai_compatible', 'local'],
    translation: ['openai', 'openai_compatible', 'local'],
  },
  custom_routing: { translation: ['openai', 'openai_compatible'] },
  intent_examples: { greeting: ['habari'], complaint: ['mbaya sana'] },
};

describe('provider form', () => {
  it('prefills each kind with its default model and address', () => {
    expect(valuesForKind('anthropic')).toMatchObject({ model: 'claude-sonnet-4-20250514', base_url: 'https://api.anthropic.com', embedding_model: '' });
    expect(valuesForKind('openai_compatible')).toMatchObject({ model: 'llama3.2', base_url: 'http://127.0.0.1:11434/v1' });
  });

  it('switching kind replaces defaults but keeps what the admin typed', () => {
    const typed = { ...valuesForKind('openai'), model: 'gpt-4.1-mini' };
    const switched = switchKind(typed, 'gemini');
    expect(switched.model).toBe('gpt-4.1-mini');
    expect(switched.base_url).toBe('https://generativelanguage.googleapis.com');
    expect(switched.embedding_model).toBe('gemini-embedding-001');
    expect(switchKind(valuesForKind('openai'), 'anthropic').embedding_model).toBe('');
  });

  it('maps the add form to a create request, leaving out an empty key', () => {
    const values = { ...valuesForKind('openai_compatible'), base_url: ' http://127.0.0.1:9/v1 ', model: 'qwen2.5' };
    expect(toCreateRequest(values)).toEqual({
      kind: 'openai_compatible',
      model: 'qwen2.5',
      base_url: 'http://127.0.0.1:9/v1',
      embedding_model: null,
      timeout_seconds: 20,
      is_enabled: true,
    });
    expect(toCreateRequest({ ...valuesForKind('openai'), api_key: ' sk-123 ' }).api_key).toBe('sk-123');
  });

  it('never sends an embedding model for Anthropic', () => {
    expect(toCreateRequest({ ...valuesForKind('anthropic'), api_key: 'k' })).not.toHaveProperty('embedding_model');
  });

  it('sends only what changed on edit, and the key only when replaced', () => {
    const current = provider();
    expect(toUpdateRequest(current, valuesFromProvider(current))).toEqual({});
    const edited = { ...valuesFromProvider(current), model: 'gpt-4o-mini', is_enabled: false, api_key: 'typed-but-not-replacing' };
    expect(toUpdateRequest(current, edited)).toEqual({ model: 'gpt-4o-mini', is_enabled: false });
    expect(toUpdateRequest(current, { ...edited, replace_key: true, api_key: 'sk-new' })).toMatchObject({ api_key: 'sk-new' });
    expect(toUpdateRequest(current, { ...valuesFromProvider(current), replace_key: true, api_key: '' })).toEqual({});
    expect(toUpdateRequest(current, { ...valuesFromProvider(current), embedding_model: '' })).toEqual({ embedding_model: null });
  });

  it('a provider without a key starts with the key field open', () => {
    expect(valuesFromProvider(provider({ has_key: false, key_last4: null })).replace_key).toBe(true);
    expect(valuesFromProvider(provider()).replace_key).toBe(false);
  });

  it('shows a key only as its last four characters', () => {
    expect(maskedKey(provider())).toBe('•••• ab12');
    expect(maskedKey(provider({ key_last4: null }))).toBe('••••');
    expect(maskedKey(provider({ has_key: false, key_last4: null }))).toBeNull();
  });
});

describe('routing', () => {
  it('moves a provider one place and ignores moves off the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 'up')).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 'down')).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, 'up')).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 'down')).toEqual(['a', 'b']);
  });

  it('leaves the offline provider out of what can be ordered', () => {
    expect(orderableProviders(ROUTING, 'classification')).toEqual(['openai', 'openai_compatible']);
    expect(orderableProviders(ROUTING, 'agent')).toEqual([]);
  });

  it('sends every custom order with one task replaced, and can drop a task back to the default', () => {
    expect(routingWithOrder(ROUTING, 'classification', ['openai_compatible', 'openai', 'local'])).toEqual({
      routing: { translation: ['openai', 'openai_compatible'], classification: ['openai_compatible', 'openai'] },
    });
    expect(routingWithDefault(ROUTING, 'translation')).toEqual({ routing: {} });
  });

  it('knows what the offline provider cannot do', () => {
    expect(localCanDo('classification')).toBe(true);
    expect(localCanDo('translation')).toBe(false);
    expect(localCanDo('generation')).toBe(false);
  });
});

describe('intent examples', () => {
  it('reads one phrase a line, trimmed, without blanks or repeats', () => {
    expect(parsePhrases('  Habari \n\nhabari\r\nMambo vipi\n')).toEqual(['Habari', 'Mambo vipi']);
    expect(parsePhrases('\n  \n')).toEqual([]);
  });

  it('finds a phrase over the limit', () => {
    expect(firstTooLong(['ok', 'x'.repeat(301)])).toHaveLength(301);
    expect(firstTooLong(['x'.repeat(300)])).toBeUndefined();
  });

  it('sends every intent with one replaced; an emptied intent goes back to the built-in examples', () => {
    expect(examplesWithIntent(ROUTING, 'order_status', ['oda yangu iko wapi'])).toEqual({
      intent_examples: { greeting: ['habari'], order_status: ['oda yangu iko wapi'], complaint: ['mbaya sana'] },
    });
    expect(examplesWithIntent(ROUTING, 'greeting', [])).toEqual({ intent_examples: { complaint: ['mbaya sana'] } });
  });
});

describe('call log', () => {
  it('leaves "any" filters out of the query', () => {
    expect(callQuery(NO_FILTERS, 0)).toEqual({ limit: 25, offset: 0 });
    expect(callQuery({ task: 'translation', provider: 'openai', outcome: 'provider_auth_failed' }, 50)).toEqual({
      limit: 25,
      offset: 50,
      task: 'translation',
      provider: 'openai',
      outcome: 'provider_auth_failed',
    });
  });

  it('pages by the page size', () => {
    expect(pageRange(25, 25)).toEqual({ from: 26, to: 50 });
    expect(pageRange(0, 0)).toEqual({ from: 0, to: 0 });
    expect(previousOffset(0)).toBeNull();
    expect(previousOffset(10)).toBe(0);
    expect(previousOffset(50)).toBe(25);
  });

  it('colours outcomes and formats latency', () => {
    expect(outcomeTone('ok')).toBe('accent');
    expect(outcomeTone('cache_hit')).toBe('neutral');
    expect(outcomeTone('provider_unavailable')).toBe('danger');
    expect(formatLatency(412.4, 'en')).toBe('412 ms');
    expect(formatLatency(1340, 'en')).toBe('1.3 s');
  });
});

describe('optimistic routing', () => {
  it('shows a sent order at once, with the offline provider last', () => {
    const next = applyRoutingUpdate(ROUTING, routingWithOrder(ROUTING, 'classification', ['openai_compatible', 'openai']));
    expect(next.routing.classification).toEqual(['openai_compatible', 'openai', 'local']);
    expect(next.routing.translation).toEqual(ROUTING.routing.translation);
    expect(next.custom_routing).toEqual({ translation: ['openai', 'openai_compatible'], classification: ['openai_compatible', 'openai'] });
    expect(next.intent_examples).toBe(ROUTING.intent_examples);
  });

  it('replaces the intent examples when they are sent', () => {
    expect(applyRoutingUpdate(ROUTING, { intent_examples: { other: ['x'] } }).intent_examples).toEqual({ other: ['x'] });
  });
});
