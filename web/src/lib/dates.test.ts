import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative, listTimeZones } from './dates';

describe('formatRelative', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('reads minutes ago', () => {
    expect(formatRelative('2026-03-01T11:57:00Z', 'en', now)).toBe('3 minutes ago');
  });

  it('reads future days', () => {
    expect(formatRelative('2026-03-08T12:00:00Z', 'en', now)).toBe('in 7 days');
    expect(formatRelative('2026-03-02T12:00:00Z', 'en', now)).toBe('tomorrow');
    expect(formatRelative('2026-03-04T12:00:00Z', 'en', now)).toBe('in 3 days');
  });

  it('reads under a minute as now', () => {
    expect(formatRelative('2026-03-01T11:59:40Z', 'en', now)).toBe('now');
  });
});

describe('formatDateTime', () => {
  it('uses the workspace timezone', () => {
    expect(formatDateTime('2026-03-01T12:00:00Z', 'en', 'Africa/Nairobi')).toContain('3:00');
  });

  it('survives an unknown timezone', () => {
    expect(formatDateTime('2026-03-01T12:00:00Z', 'en', 'Mars/Olympus')).toContain('2026');
  });
});

describe('listTimeZones', () => {
  it('includes UTC and African zones', () => {
    const zones = listTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Africa/Nairobi');
  });
});
