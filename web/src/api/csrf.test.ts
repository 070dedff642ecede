import { describe, expect, it } from 'vitest';
import { addCsrfHeader, CSRF_HEADER_NAME, readCookie } from './csrf';

describe('readCookie', () => {
  it('finds a cookie among others', () => {
    expect(readCookie('imaradesk_csrf', 'a=1; imaradesk_csrf=abc123; b=2')).toBe('abc123');
  });

  it('returns null when absent or empty input', () => {
    expect(readCookie('imaradesk_csrf', 'a=1; b=2')).toBeNull();
    expect(readCookie('imaradesk_csrf', '')).toBeNull();
  });

  it('does not match a cookie whose name only ends the same', () => {
    expect(readCookie('imaradesk_csrf', 'old_imaradesk_csrf=nope')).toBeNull();
  });

  it('decodes percent-encoded values and keeps = inside values', () => {
    expect(readCookie('t', 't=a%2Fb==')).toBe('a/b==');
  });

  it('keeps a value that is not valid percent-encoding', () => {
    expect(readCookie('t', 't=100%')).toBe('100%');
  });
});

describe('addCsrfHeader', () => {
  const cookies = 'imaradesk_session=s; imaradesk_csrf=tok';

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('adds the header on %s', (method) => {
    const request = addCsrfHeader(new Request('http://x/api/v1/members', { method }), cookies);
    expect(request.headers.get(CSRF_HEADER_NAME)).toBe('tok');
  });

  it.each(['GET', 'HEAD'])('leaves %s alone', (method) => {
    const request = addCsrfHeader(new Request('http://x/api/v1/members', { method }), cookies);
    expect(request.headers.has(CSRF_HEADER_NAME)).toBe(false);
  });

  it('sends nothing when there is no cookie yet', () => {
    const request = addCsrfHeader(new Request('http://x/api/v1/auth/login', { method: 'POST' }), '');
    expect(request.headers.has(CSRF_HEADER_NAME)).toBe(false);
  });
});
