import { addCsrfHeader } from './csrf';
import { toApiError, toNetworkError } from './errors';

export type UploadProgress = { loaded: number; total: number };

type XhrLike = Pick<
  XMLHttpRequest,
  'open' | 'send' | 'setRequestHeader' | 'abort' | 'status' | 'responseText' | 'getAllResponseHeaders' | 'withCredentials'
> & {
  upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
};

export type UploadOptions = {
  /** POST by default; PUT replaces a resource (e.g. a knowledge-base document's file). */
  method?: 'POST' | 'PUT';
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  createRequest?: () => XhrLike;
  cookieHeader?: () => string;
};

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const separator = line.indexOf(':');
    if (separator > 0) headers.append(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
  }
  return headers;
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/**
 * POSTs (or PUTs) a multipart form with upload progress (fetch cannot report it), with the same CSRF header
 * and the same ApiError on failure as every other call.
 */
export function uploadForm<T>(url: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const { method = 'POST', onProgress, signal, createRequest = () => new XMLHttpRequest() as unknown as XhrLike, cookieHeader = () => document.cookie } = options;
  return new Promise<T>((resolve, reject) => {
    const request = createRequest();
    request.open(method, url);
    request.withCredentials = true;
    const csrf = addCsrfHeader(new Request('http://localhost/', { method }), cookieHeader()).headers;
    csrf.forEach((value, name) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => {
      const body = parseBody(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(toApiError(request.status, body, parseHeaders(request.getAllResponseHeaders())));
    };
    request.onerror = () => reject(toNetworkError(new Error('The upload could not reach the server.')));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
