import { describe, expect, it } from 'vitest';
import { dayKey, formatDateTime, formatDayLabel, formatListTime, formatRelative, formatTime, isoToZonedLocal, listTimeZones, zonedLocalToIso } from './dates';

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

describe('chat times in the workspace timezone', () => {
  const now = new Date('2026-03-04T10:00:00Z'); // 13:00 in Nairobi, a Wednesday

  it('shows the time of day', () => {
    expect(formatTime('2026-03-04T06:05:00Z', 'en-GB', 'Africa/Nairobi')).toBe('09:05');
  });

  it('groups by the calendar day of the workspace, not UTC', () => {
    // 22:30 UTC on the 3rd is already the 4th in Nairobi.
    expect(dayKey('2026-03-03T22:30:00Z', 'Africa/Nairobi')).toBe('2026-03-04');
    expect(dayKey('2026-03-03T22:30:00Z', 'UTC')).toBe('2026-03-03');
  });

  it('labels today and yesterday', () => {
    expect(formatDayLabel('2026-03-04T05:00:00Z', 'en', 'Africa/Nairobi', now)).toBe('Today');
    expect(formatDayLabel('2026-03-03T05:00:00Z', 'en', 'Africa/Nairobi', now)).toBe('Yesterday');
    expect(formatDayLabel('2026-02-20T05:00:00Z', 'en', 'Africa/Nairobi', now)).toBe('Feb 20, 2026');
  });

  it('reads list times like WhatsApp', () => {
    expect(formatListTime('2026-03-04T06:05:00Z', 'en-GB', 'Africa/Nairobi', now)).toBe('09:05');
    expect(formatListTime('2026-03-03T06:05:00Z', 'en-GB', 'Africa/Nairobi', now)).toBe('Yesterday');
    expect(formatListTime('2026-03-01T06:05:00Z', 'en-GB', 'Africa/Nairobi', now)).toBe('Sun');
    expect(formatListTime('2026-01-15T06:05:00Z', 'en-GB', 'Africa/Nairobi', now)).toBe('15/01/2026');
  });
});

describe('datetime-local values in the workspace timezone', () => {
  it('reads a wall-clock time in the workspace timezone', () => {
    expect(zonedLocalToIso('2026-03-05T09:00', 'Africa/Nairobi')).toBe('2026-03-05T06:00:00.000Z');
    expect(zonedLocalToIso('2026-03-05T09:00', 'UTC')).toBe('2026-03-05T09:00:00.000Z');
  });

  it('handles daylight saving time', () => {
    expect(zonedLocalToIso('2026-07-01T09:00', 'Europe/Lisbon')).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedLocalToIso('2026-01-01T09:00', 'Europe/Lisbon')).toBe('2026-01-01T09:00:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(zonedLocalToIso('tomorrow', 'UTC')).toBeNull();
  });

  it('round-trips', () => {
    expect(isoToZonedLocal('2026-03-05T06:00:00Z', 'Africa/Nairobi')).toBe('2026-03-05T09:00');
    expect(zonedLocalToIso(isoToZonedLocal('2026-10-25T12:30:00Z', 'Europe/Lisbon'), 'Europe/Lisbon')).toBe('2026-10-25T12:30:00.000Z');
  });
});
