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

/** Year, month (1–12) and day of a day count from 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** First and last instants the stored form can write (years 0000–9999). */
const STORED_FORM_FROM = -62_167_219_200_000;
const STORED_FORM_UNTIL = 253_402_300_799_999;

/** `new Date(ms).toISOString()`, the stored form, written without a Date (a rebuild writes it for every follow-up window). */
export function formatIsoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < STORED_FORM_FROM || ms > STORED_FORM_UNTIL) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const [year, month, day] = civilFromDays(days);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const yyyy = year < 1000 ? `000${year}`.slice(-4) : `${year}`;
  return `${yyyy}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(rest - second * 1000)}Z`;
}
