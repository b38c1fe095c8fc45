/**
 * Dates in search results are ISO 8601 with a time zone. CINNOX documents RFC3339 (`2022-11-07T00:00:00.000Z`);
 * anything else it might send is converted: epoch seconds or milliseconds, and date-times without a zone
 * (read as UTC). What cannot be read as a date is passed through unchanged.
 */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

export function isoDateTime(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return value;
  let ms: number | undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
    const n = Number(value);
    ms = n < 1e11 ? n * 1000 : n;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (HAS_ZONE.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text)) ms = Date.parse(text);
    else if (DATE_ONLY.test(text)) ms = Date.parse(`${text}T00:00:00Z`);
    else if (ISO_NO_ZONE.test(text)) ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  }
  return ms === undefined || Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
