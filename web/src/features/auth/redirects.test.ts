import { describe, expect, it } from 'vitest';
import { HOME_PATH, safeNextPath } from './redirects';

describe('safeNextPath', () => {
  it('keeps app paths', () => {
    expect(safeNextPath('/settings/teams')).toBe('/settings/teams');
  });

  it.each([null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example'])('refuses %s', (next) => {
    expect(safeNextPath(next)).toBe(HOME_PATH);
  });
});
