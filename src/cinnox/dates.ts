/**
 * The one date reader of the app: trigger items (src/hooks/groups/) and search results (Find Enquiry,
 * Get Number List) give dates as ISO 8601 in UTC (`2024-05-31T08:15:00.000Z`).
 *
 * CINNOX documents RFC3339 (`2022-11-07T00:00:00.000Z`) and, for some reports, `YYYY/MM/DD`; anything else
 * it might send is converted too: epoch seconds or milliseconds (a number, or 9 to 13 digits as text), and a
 * date or date-time without a zone (`YYYY-MM-DD`, `YYYY/MM/DD`, `… HH:mm[:ss[.sss]]`), read as UTC.
 * What cannot be read as a real date (text in another format, 2024-02-30, 25:00) is null: never passed on as if it were one.
 */
const DATE_TIME =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const EPOCH_TEXT = /^\d{9,13}$/;

function epochMs(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  return n < 1e11 ? n * 1000 : n;
}

/** Minutes east of UTC for `Z`, `+08:00`, `+0800`, `-05`. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const [, sign, hh, mm = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) ?? [];
  if (sign === undefined || Number(hh) > 23 || Number(mm) > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
}

function textMs(text: string): number | undefined {
  if (EPOCH_TEXT.test(text)) return epochMs(Number(text));
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6], m[7]].map((part) =>
    Number(part ?? 0),
  ) as [number, number, number, number, number, number];
  const fraction = m[8] ? Math.floor(Number(`0${m[8]}`) * 1000) : 0;
  const offset = offsetMinutes(m[9]);
  if (offset === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, fraction));
  // Date.UTC rolls 2024-02-30 over into March: a date that does not exist is unreadable.
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day)
    return undefined;
  return local.getTime() - offset * 60_000;
}

/** `value` as ISO 8601 in UTC; null when it is absent ('' too) or cannot be read as a date. */
export function isoDateTime(value: unknown): string | null {
  let ms: number | undefined;
  if (typeof value === 'number') ms = epochMs(value);
  else if (typeof value === 'string' && value.trim() !== '') ms = textMs(value.trim());
  if (ms === undefined) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
