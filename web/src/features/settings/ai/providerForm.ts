import type { AiProviderCreate, AiProviderRead, AiProviderUpdate, ProviderKind } from '@/api';
import { hasEmbeddings, KIND_DEFAULTS } from './kinds';

/**
 * What the add and edit dialogs hold: strings as typed, named like the API's fields so the
 * server's field errors land under the right input. Mapped to the request shapes below.
 */
export type ProviderFormValues = {
  kind: ProviderKind;
  model: string;
  base_url: string;
  embedding_model: string;
  api_key: string;
  /** Edit only: the key field is shown (and sent) only after "Replace key". */
  replace_key: boolean;
  timeout_seconds: number;
  is_enabled: boolean;
};

export const PROVIDER_FORM_FIELDS = ['kind', 'model', 'base_url', 'embedding_model', 'api_key', 'timeout_seconds'] as const;

export const DEFAULT_TIMEOUT_SECONDS = 20;

/** A fresh form for a kind: its default model, base URL and embedding model. */
export function valuesForKind(kind: ProviderKind): ProviderFormValues {
  const defaults = KIND_DEFAULTS[kind];
  return {
    kind,
    model: defaults.model,
    base_url: defaults.baseUrl,
    embedding_model: defaults.embeddingModel ?? '',
    api_key: '',
    replace_key: true,
    timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
    is_enabled: true,
  };
}

/** Switching kind in the add form: fields still empty or holding the old kind's default take the new kind's. */
export function switchKind(values: ProviderFormValues, kind: ProviderKind): ProviderFormValues {
  const previous = KIND_DEFAULTS[values.kind];
  const next = KIND_DEFAULTS[kind];
  const keep = (current: string, oldDefault: string | null, newDefault: string | null) =>
    current.trim() === '' || current === (oldDefault ?? '') ? (newDefault ?? '') : current;
  return {
    ...values,
    kind,
    model: keep(values.model, previous.model, next.model),
    base_url: keep(values.base_url, previous.baseUrl, next.baseUrl),
    embedding_model: keep(values.embedding_model, previous.embeddingModel, next.embeddingModel),
  };
}

export function valuesFromProvider(provider: AiProviderRead): ProviderFormValues {
  return {
    kind: provider.kind,
    model: provider.model,
    base_url: provider.base_url,
    embedding_model: provider.embedding_model ?? '',
    api_key: '',
    replace_key: !provider.has_key,
    timeout_seconds: provider.timeout_seconds,
    is_enabled: provider.is_enabled,
  };
}

function trimmedOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function toCreateRequest(values: ProviderFormValues): AiProviderCreate {
  const request: AiProviderCreate = {
    kind: values.kind,
    model: trimmedOrNull(values.model),
    base_url: trimmedOrNull(values.base_url),
    timeout_seconds: values.timeout_seconds,
    is_enabled: values.is_enabled,
  };
  if (hasEmbeddings(values.kind)) request.embedding_model = trimmedOrNull(values.embedding_model);
  const apiKey = values.api_key.trim();
  if (apiKey) request.api_key = apiKey;
  return request;
}

/** Only what changed; the key is sent only when the admin chose to replace it and typed one. */
export function toUpdateRequest(provider: AiProviderRead, values: ProviderFormValues): AiProviderUpdate {
  const changes: AiProviderUpdate = {};
  const model = values.model.trim();
  if (model && model !== provider.model) changes.model = model;
  const baseUrl = values.base_url.trim();
  if (baseUrl !== provider.base_url) changes.base_url = baseUrl === '' ? null : baseUrl;
  if (hasEmbeddings(provider.kind)) {
    const embeddingModel = trimmedOrNull(values.embedding_model);
    if (embeddingModel !== provider.embedding_model) changes.embedding_model = embeddingModel;
  }
  if (values.timeout_seconds !== provider.timeout_seconds) changes.timeout_seconds = values.timeout_seconds;
  if (values.is_enabled !== provider.is_enabled) changes.is_enabled = values.is_enabled;
  const apiKey = values.api_key.trim();
  if (values.replace_key && apiKey) changes.api_key = apiKey;
  return changes;
}
