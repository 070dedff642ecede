import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR_CODE, toApiError, toNetworkError } from './errors';

describe('toApiError', () => {
  it('keeps the server code and message', () => {
    const error = toApiError(401, { code: 'invalid_credentials', message: 'Wrong e-mail or password.' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Wrong e-mail or password.' });
    expect(error.fields).toEqual({});
  });

  it('maps details.fields to field errors', () => {
    const error = toApiError(422, {
      code: 'validation_error',
      message: 'Some fields are invalid.',
      details: { fields: { email: 'Not a valid e-mail.', 'body.password': 'Too short.' } },
    });
    expect(error.code).toBe('validation_error');
    expect(error.fields).toEqual({ email: 'Not a valid e-mail.', password: 'Too short.' });
  });

  it('joins list messages of a field', () => {
    const error = toApiError(422, { code: 'validation_error', message: 'x', details: { fields: { name: ['Required.', 'Too long.'] } } });
    expect(error.fields).toEqual({ name: 'Required. Too long.' });
  });

  it("understands FastAPI's default validation body", () => {
    const error = toApiError(422, { detail: [{ loc: ['body', 'email'], msg: 'value is not a valid email address', type: 'value_error' }] });
    expect(error).toMatchObject({ code: 'validation_error', message: 'value is not a valid email address' });
    expect(error.fields).toEqual({ email: 'value is not a valid email address' });
  });

  it('uses a string detail as the message', () => {
    expect(toApiError(404, { detail: 'Not Found' })).toMatchObject({ code: 'http_error', message: 'Not Found' });
  });

  it('falls back to a generic message for non-JSON bodies', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error).toMatchObject({ status: 502, code: 'http_error', message: 'Request failed (HTTP 502).' });
  });

  it('falls back when the message is empty', () => {
    expect(toApiError(500, { code: 'internal_error', message: '' }).message).toBe('Request failed (HTTP 500).');
  });

  it('reads Retry-After on 429', () => {
    const headers = new Headers({ 'Retry-After': '30' });
    const error = toApiError(429, { code: 'rate_limited', message: 'Slow down.' }, headers);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('treats 401 as unauthenticated except for a failed login', () => {
    expect(toApiError(401, { code: 'not_authenticated', message: 'x' }).isUnauthenticated).toBe(true);
    expect(toApiError(401, { code: 'invalid_credentials', message: 'x' }).isUnauthenticated).toBe(false);
    expect(toApiError(403, { code: 'forbidden', message: 'x' }).isUnauthenticated).toBe(false);
  });
});

describe('toNetworkError', () => {
  it('has status 0 and the network code', () => {
    const error = toNetworkError(new TypeError('Failed to fetch'));
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR_CODE, message: 'Failed to fetch' });
  });
});
