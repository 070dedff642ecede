import { describe, expect, it } from 'vitest';
import { snoozePresets } from './snooze';

describe('snoozePresets', () => {
  it('offers an hour, tomorrow 09:00 and next Monday 09:00 in the workspace timezone', () => {
    // Wednesday 4 March 2026, 13:00 in Nairobi (UTC+3).
    const presets = snoozePresets(new Date('2026-03-04T10:00:00Z'), 'Africa/Nairobi');
    expect(presets).toEqual([
      { key: 'oneHour', at: '2026-03-04T11:00:00.000Z' },
      { key: 'tomorrow', at: '2026-03-05T06:00:00.000Z' },
      { key: 'nextWeek', at: '2026-03-09T06:00:00.000Z' },
    ]);
  });

  it('on a Monday, next week is the Monday after', () => {
    const presets = snoozePresets(new Date('2026-03-09T10:00:00Z'), 'UTC');
    expect(presets[2]).toEqual({ key: 'nextWeek', at: '2026-03-16T09:00:00.000Z' });
  });
});
