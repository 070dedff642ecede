import type { TFunction } from 'i18next';
import { isProviderKind, LOCAL_PROVIDER } from './kinds';

/** "OpenAI-compatible", "Offline (built in)"; an unknown name from an older call log row stays as it is. */
export function providerLabel(t: TFunction, name: string): string {
  if (name === LOCAL_PROVIDER) return t('aiSettings.kinds.local');
  if (isProviderKind(name)) return t(`aiSettings.kinds.${name}`);
  return name;
}
