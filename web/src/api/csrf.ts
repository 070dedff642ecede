export const CSRF_COOKIE_NAME = 'imaradesk_csrf';
export const CSRF_HEADER_NAME = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(name: string, cookieHeader: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

export function needsCsrfToken(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Adds the double-submit CSRF header; the cookie is read at request time because login rotates it. */
export function addCsrfHeader(request: Request, cookieHeader: string): Request {
  if (!needsCsrfToken(request.method)) return request;
  const token = readCookie(CSRF_COOKIE_NAME, cookieHeader);
  if (token) request.headers.set(CSRF_HEADER_NAME, token);
  return request;
}
