/** Clinical-time arithmetic for the rules. Elapsed time, not calendar days: the record carries no facility time zone. */
import { formatIsoTime, parseIsoTime } from '../domain/iso-time';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds since the epoch; NaN for a missing or unreadable time. */
export function timeOf(iso: unknown): number {
  return typeof iso === 'string' ? parseIsoTime(iso) : Number.NaN;
}

export const isoAt = (ms: number): string => formatIsoTime(ms);

const round1 = (n: number): string => String(Math.round(n * 10) / 10);
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A duration as a compliance officer reads it: days beyond two days, else hours and minutes. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * DAY_MS) {
    const days = round1(abs / DAY_MS);
    return `${days} days`;
  }
  const totalMinutes = Math.round(abs / MINUTE_MS);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return plural(minutes, 'minute');
  return minutes === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}
