import { isoToZonedLocal, zonedLocalToIso } from '@/lib/dates';

export type SnoozePreset = { key: 'oneHour' | 'tomorrow' | 'nextWeek'; at: string };

function addDays(local: string, days: number): string {
  const [date] = local.split('T');
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** In an hour; tomorrow at 09:00; next Monday at 09:00 — in the workspace timezone. */
export function snoozePresets(now: Date, timeZone?: string): SnoozePreset[] {
  const local = isoToZonedLocal(now.toISOString(), timeZone);
  const weekday = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
  const daysToMonday = ((8 - weekday) % 7) || 7;
  const at9 = (date: string) => zonedLocalToIso(`${date}T09:00`, timeZone) ?? now.toISOString();
  return [
    { key: 'oneHour', at: new Date(now.getTime() + 3_600_000).toISOString() },
    { key: 'tomorrow', at: at9(addDays(local, 1)) },
    { key: 'nextWeek', at: at9(addDays(local, daysToMonday)) },
  ];
}
