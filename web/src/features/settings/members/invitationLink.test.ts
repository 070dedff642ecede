import { describe, expect, it } from 'vitest';
import { invitationLink } from './invitationLink';

describe('invitationLink', () => {
  const origin = 'https://desk.example.com';

  it('keeps an absolute accept_url', () => {
    expect(invitationLink({ token: 't', accept_url: 'https://other.example/invite/t' }, origin)).toBe('https://other.example/invite/t');
  });

  it('resolves a relative accept_url against the origin', () => {
    expect(invitationLink({ token: 't', accept_url: '/invite/t' }, origin)).toBe('https://desk.example.com/invite/t');
  });

  it('builds the link from the token when accept_url is missing', () => {
    expect(invitationLink({ token: 'a/b', accept_url: null }, origin)).toBe('https://desk.example.com/invite/a%2Fb');
  });
});
