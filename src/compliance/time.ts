/**
 * Clinical-time arithmetic for the rules. Windows in hours and days are elapsed time; the procedure's
 * "same day" is a calendar day in the facility's time zone (`calendarDay`).
 */
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

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in an IANA time zone; '' for a time that is not one. */
export function calendarDay(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) return '';
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(ms);
}
