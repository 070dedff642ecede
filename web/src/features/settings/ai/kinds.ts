import type { ProviderKind, Task } from '@/api';

/** What the add form prefills for each kind; mirrors imaradesk/ai/providers/registry.py DEFAULTS. */
export type KindDefaults = { model: string; baseUrl: string; embeddingModel: string | null; needsKey: boolean };

export const PROVIDER_KINDS: readonly ProviderKind[] = ['gemini', 'openai', 'anthropic', 'openai_compatible'];

export const KIND_DEFAULTS: Record<ProviderKind, KindDefaults> = {
  gemini: {
    model: 'gemini-2.5-flash',
    baseUrl: 'https://generativelanguage.googleapis.com',
    embeddingModel: 'gemini-embedding-001',
    needsKey: true,
  },
  openai: { model: 'gpt-4o', baseUrl: 'https://api.openai.com/v1', embeddingModel: 'text-embedding-3-small', needsKey: true },
  anthropic: { model: 'claude-sonnet-4-20250514', baseUrl: 'https://api.anthropic.com', embeddingModel: null, needsKey: true },
  openai_compatible: { model: 'llama3.2', baseUrl: 'http://127.0.0.1:11434/v1', embeddingModel: null, needsKey: false },
};

/** The offline provider's name in routing lists and the call log; it has no settings of its own. */
export const LOCAL_PROVIDER = 'local';

export const TASKS: readonly Task[] = ['classification', 'generation', 'agent', 'embedding', 'translation', 'summarization'];

/** Tasks the offline provider can do; the others need a cloud provider. */
const LOCAL_TASKS: ReadonlySet<Task> = new Set<Task>(['classification', 'embedding', 'summarization']);

export function localCanDo(task: Task): boolean {
  return LOCAL_TASKS.has(task);
}

/** Anthropic has no embeddings API, so its form has no embedding model. */
export function hasEmbeddings(kind: ProviderKind): boolean {
  return kind !== 'anthropic';
}

export function isTask(name: string): name is Task {
  return (TASKS as readonly string[]).includes(name);
}

export function isProviderKind(name: string): name is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(name);
}

/** "•••• 1234" when the last four are known, "••••" for a short key, null when there is none. */
export function maskedKey(provider: { has_key: boolean; key_last4: string | null }): string | null {
  if (!provider.has_key) return null;
  return provider.key_last4 ? `•••• ${provider.key_last4}` : '••••';
}
