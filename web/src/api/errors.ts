export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldErrors;
    details?: Record<string, unknown>;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.details = init.details ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code !== 'invalid_credentials';
  }
}

export const NETWORK_ERROR_CODE = 'network_error';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringFields(value: unknown): FieldErrors {
  if (!isRecord(value)) return {};
  const fields: FieldErrors = {};
  for (const [name, message] of Object.entries(value)) {
    const text = Array.isArray(message) ? message.join(' ') : message;
    if (typeof text === 'string') fields[lastPathSegment(name)] = text;
  }
  return fields;
}

function lastPathSegment(name: string): string {
  const segments = name.split('.');
  return segments[segments.length - 1] ?? name;
}

/** FastAPI's default 422 shape ({"detail": [{loc, msg}]}), in case a route escapes the error handler. */
function fieldsFromFastApiDetail(detail: unknown): FieldErrors {
  if (!Array.isArray(detail)) return {};
  const fields: FieldErrors = {};
  for (const item of detail) {
    if (!isRecord(item) || !Array.isArray(item.loc) || typeof item.msg !== 'string') continue;
    const name = item.loc[item.loc.length - 1];
    if (typeof name === 'string' && !(name in fields)) fields[name] = item.msg;
  }
  return fields;
}

function parseRetryAfter(headers: Headers | undefined): number | null {
  const value = headers?.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function fallbackMessage(status: number): string {
  return `Request failed (HTTP ${status}).`;
}

/** Turns whatever an error response carried into one ApiError shape. */
export function toApiError(status: number, body: unknown, headers?: Headers): ApiError {
  const retryAfterSeconds = parseRetryAfter(headers);
  if (isRecord(body) && typeof body.code === 'string') {
    const details = isRecord(body.details) ? body.details : {};
    return new ApiError({
      status,
      code: body.code,
      message: typeof body.message === 'string' && body.message ? body.message : fallbackMessage(status),
      fields: stringFields(details.fields),
      details,
      retryAfterSeconds,
    });
  }
  if (isRecord(body) && 'detail' in body) {
    const fields = fieldsFromFastApiDetail(body.detail);
    const message = typeof body.detail === 'string' ? body.detail : (Object.values(fields)[0] ?? fallbackMessage(status));
    return new ApiError({
      status,
      code: status === 422 ? 'validation_error' : 'http_error',
      message,
      fields,
      retryAfterSeconds,
    });
  }
  return new ApiError({ status, code: 'http_error', message: fallbackMessage(status), retryAfterSeconds });
}

export function toNetworkError(cause: unknown): ApiError {
  const message = cause instanceof Error && cause.message ? cause.message : 'Network error.';
  return new ApiError({ status: 0, code: NETWORK_ERROR_CODE, message });
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
