import type { TFunction } from 'i18next';
import { z } from 'zod';
import { KIND_DEFAULTS } from './kinds';

const WEB_ADDRESS = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * The API's rules (AIProviderCreate / AIProviderUpdate). On create a cloud kind needs a key; on
 * edit an empty key keeps the stored one.
 */
export function providerSchema(t: TFunction, mode: 'create' | 'edit') {
  return z
    .object({
      kind: z.enum(['gemini', 'openai', 'anthropic', 'openai_compatible']),
      model: z.string().trim().min(1, t('validation.required')).max(200, t('validation.tooLong', { max: 200 })),
      base_url: z.string().trim().regex(WEB_ADDRESS, t('aiSettings.validation.baseUrl')),
      embedding_model: z.string().trim().max(200, t('validation.tooLong', { max: 200 })),
      api_key: z.string().trim().max(500, t('validation.tooLong', { max: 500 })),
      replace_key: z.boolean(),
      timeout_seconds: z
        .number({ error: t('aiSettings.validation.timeout') })
        .gt(0, t('aiSettings.validation.timeout'))
        .max(120, t('aiSettings.validation.timeout')),
      is_enabled: z.boolean(),
    })
    .superRefine((values, context) => {
      if (mode === 'create' && KIND_DEFAULTS[values.kind].needsKey && values.api_key === '') {
        context.addIssue({ code: 'custom', path: ['api_key'], message: t('aiSettings.validation.keyNeeded') });
      }
    });
}
