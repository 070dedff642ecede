import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { uploadForm, type UploadProgress } from './upload';

class FakeXhr {
  status = 0;
  responseText = '';
  withCredentials = false;
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  headers: Record<string, string> = {};
  opened: [string, string] | null = null;
  sent: unknown = null;
  responseHeaders = '';

  open(method: string, url: string) {
    this.opened = [method, url];
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }
  respond(status: number, body: unknown, headers = '') {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
}

function start(options: { method?: 'POST' | 'PUT'; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {}) {
  const xhr = new FakeXhr();
  const form = new FormData();
  form.append('caption', 'Receipt');
  const promise = uploadForm<{ id: string }>('/api/v1/conversations/c1/attachments', form, {
    ...options,
    createRequest: () => xhr as never,
    cookieHeader: () => 'imaradesk_csrf=token-123; other=x',
  });
  return { xhr, form, promise };
}

describe('uploadForm', () => {
  it('posts the form with the CSRF header and resolves with the JSON answer', async () => {
    const { xhr, form, promise } = start();
    expect(xhr.opened).toEqual(['POST', '/api/v1/conversations/c1/attachments']);
    expect(xhr.headers['x-csrf-token']).toBe('token-123');
    expect(xhr.sent).toBe(form);
    xhr.respond(201, { id: 'm1' });
    await expect(promise).resolves.toEqual({ id: 'm1' });
  });

  it('can PUT instead, with the same CSRF header', () => {
    const { xhr } = start({ method: 'PUT' });
    expect(xhr.opened).toEqual(['PUT', '/api/v1/conversations/c1/attachments']);
    expect(xhr.headers['x-csrf-token']).toBe('token-123');
  });

  it('reports progress', () => {
    const seen: UploadProgress[] = [];
    const { xhr } = start({ onProgress: (progress) => seen.push(progress) });
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 } as ProgressEvent);
    xhr.upload.onprogress?.({ lengthComputable: false, loaded: 0, total: 0 } as ProgressEvent);
    expect(seen).toEqual([{ loaded: 50, total: 200 }]);
  });

  it('turns an error answer into the usual ApiError, field errors included', async () => {
    const { xhr, promise } = start();
    xhr.respond(422, { code: 'validation_error', message: 'Too big.', details: { fields: { file: 'At most 16 MB for video.' } } }, 'Retry-After: 5\r\n');
    const error = await promise.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'validation_error', message: 'Too big.', fields: { file: 'At most 16 MB for video.' }, retryAfterSeconds: 5 });
  });

  it('reports a network failure and a cancelled upload', async () => {
    const failed = start();
    failed.xhr.onerror?.();
    await expect(failed.promise).rejects.toMatchObject({ code: 'network_error' });
    const controller = new AbortController();
    const cancelled = start({ signal: controller.signal });
    controller.abort();
    await expect(cancelled.promise).rejects.toMatchObject({ name: 'AbortError' });
  });
});
