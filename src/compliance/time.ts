/** Clinical-time arithmetic for the rules. Elapsed time, not calendar days: the record carries no facility time zone. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Recently parsed times: the rules of one audit read the same entry times several times over. */
const parsed = new Map<string, number>();

/** Milliseconds since the epoch; NaN for a missing or unreadable time. */
export function timeOf(iso: unknown): number {
  if (typeof iso !== 'string') return Number.NaN;
  let ms = parsed.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (parsed.size >= 1024) parsed.clear();
    parsed.set(iso, ms);
  }
  return ms;
}

/** Recently formatted times: the follow-up rules format the same window bounds once per rule. */
const formatted = new Map<number, string>();

export function isoAt(ms: number): string {
  let iso = formatted.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    if (formatted.size >= 256) formatted.clear();
    formatted.set(ms, iso);
  }
  return iso;
}

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
