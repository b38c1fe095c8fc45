/** Past dates (Birth Date): dd/mm/yyyy or ISO in, dd/mm/yyyy out, never in the future. */
import { preview, type Checked } from './text';

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy or ISO date → dd/mm/yyyy, or an error message. `now` is for tests. */
export function normalizePastDate(label: string, raw: string, now = new Date()): Checked {
  const text = raw.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let day: number, month: number, year: number;
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return { error: `${label} ${preview(raw)} is not a date; use dd/mm/yyyy, e.g. 31/05/1990.` };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    // 05/31/1990: a US-style date (month first) read day first.
    if (text.includes('/') && month > 12 && day <= 12)
      return {
        error: `${label} ${preview(raw)} looks like mm/dd/yyyy (month first): use dd/mm/yyyy (day first), e.g. ${pad(month)}/${pad(day)}/${year}.`,
      };
    return { error: `${label} ${preview(raw)} is not a real calendar date.` };
  }
  // "Today" where it is latest (UTC+14), so no time zone sees a valid date refused.
  const latestToday = new Date(now.getTime() + 14 * 3600 * 1000);
  const today = Date.UTC(latestToday.getUTCFullYear(), latestToday.getUTCMonth(), latestToday.getUTCDate());
  if (date.getTime() > today) return { error: `${label} ${preview(raw)} is in the future.` };
  return { value: `${pad(day)}/${pad(month)}/${year}` };
}
