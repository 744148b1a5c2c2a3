/**
 * Reading the times the API stores. Every time is stored in `toISOString`'s form
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`), which a fold or an audit reads back hundreds of thousands of times in
 * a rebuild: that form is read digit by digit, anything else by `Date.parse`, with the same result.
 */

/** In the stored form, text order is time order and the first ten characters are the UTC date. */
export const isStoredForm = (iso: string): boolean => iso.length === 24 && iso.charCodeAt(23) === 90; // 'Z'

const DAY_MS = 86_400_000;

/** The two digits at `at` as a number, or -1 when either is not a digit. */
function twoDigits(iso: string, at: number): number {
  const tens = iso.charCodeAt(at) - 48;
  const ones = iso.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** Milliseconds since the epoch, as `Date.parse` gives them; NaN for an unreadable time. */
export function parseIsoTime(iso: string): number {
  if (
    !isStoredForm(iso) ||
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(19) !== 46 // .
  ) {
    return Date.parse(iso);
  }
  const century = twoDigits(iso, 0);
  const yearOfCentury = twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  const centis = twoDigits(iso, 20);
  const millis = iso.charCodeAt(22) - 48;
  // Date.parse has its own rules for 24:00 and for fields out of range: those, rare, are left to it.
  // (A day past the month's end rolls over into the next month in both.)
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return Date.parse(iso);
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || centis < 0 || millis < 0 || millis > 9) return Date.parse(iso);
  const days = daysFromCivil(century * 100 + yearOfCentury, month, day);
  return days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + centis * 10 + millis;
}
