import type { KnowledgeSettingsRead } from '@/api';

/** Percent of chunks re-embedded so far (0 when there is nothing to count yet). */
export function reembeddingPercent(settings: KnowledgeSettingsRead): number {
  const progress = settings.reembedding;
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

/** Poll while a switch is running: its progress is the whole point of the card. */
export function settingsPollInterval(settings: KnowledgeSettingsRead | undefined): number | false {
  return settings?.reembedding ? 2_000 : false;
}
