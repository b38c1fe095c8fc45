// The verdicts several judges of scripts/lib/contract-judges.ts share: a filtered list read (does every record
// carry the value asked for?), a list read by offset / limit, a report read for a time window (A6, A24), and a
// report as the scheduled triggers read it (A30). Each says holds / does not hold / cannot tell and why, from the
// answer's status, code, shape and the record keys it names, never a record's values.
import {
  CODES,
  codeOf,
  isNoRecords,
  isUnknownPath,
  outsideWindow,
  word,
  type Answer,
  type Rec,
} from './cinnox-answer.ts';

export type Verdict = 'holds' | 'does not hold' | 'cannot tell';

/** A verdict and why, or undefined when the exchange did not exercise the assumption. */
export type Judged = readonly [Verdict, string?] | undefined;

/** A filtered list read: every record must carry the value asked for in `param`. */
export function filterVerdict(
  { e, records, answered }: Answer,
  param: string,
  matches: (record: Rec, asked: string) => boolean,
  noneHint: string,
): Judged {
  if (!(param in e.query)) return undefined;
  const none = `no record has the ${param} asked for; ${noneHint}`;
  if (isNoRecords(e)) return ['cannot tell', none];
  if (isUnknownPath(e) || codeOf(e.body) === CODES.badParameters) return ['does not hold', `CINNOX refused ${param}`];
  if (!answered) return ['cannot tell'];
  if (records.length === 0) return ['cannot tell', none];
  const others = records.filter((r) => !matches(r, e.query[param] ?? '')).length;
  return others === 0
    ? ['holds', `all ${records.length} record(s) match the ${param} asked for`]
    : ['does not hold', `${others} of ${records.length} record(s) do not match the ${param} asked for`];
}

/**
 * A list read by offset / limit (the number lists, A4; any list a new endpoint pages): the path known, the query
 * taken, and no more records than the limit asked for (more means paging is ignored). `none`: what an empty list
 * has none of.
 */
export function pagedListVerdict({ e, records, answered }: Answer, none: string): Judged {
  const paged = 'offset' in e.query && 'limit' in e.query;
  const limit = Number(e.query.limit);
  if (isUnknownPath(e)) return ['does not hold', 'CINNOX does not know the path'];
  if (codeOf(e.body) === CODES.badParameters) return ['does not hold', 'CINNOX refused the query'];
  if (isNoRecords(e)) return ['holds', `the path is known; no ${none}`];
  if (!answered) return ['cannot tell'];
  if (paged && Number.isFinite(limit) && records.length > limit)
    return ['does not hold', `${records.length} records for limit ${limit}: paging ignored`];
  return ['holds', paged ? `${records.length} record(s) within limit ${limit}` : undefined];
}

/** A report read for a window (A6, A24): refused, accepted, and every record dated inside it. */
export function windowVerdict(
  { e, records, answered, windowed }: Answer,
  dateKey: string,
  words: { none: string; outside: string; inside: string },
): Judged {
  if (!windowed) return undefined;
  if (isUnknownPath(e) || codeOf(e.body) === CODES.badParameters)
    return ['does not hold', 'CINNOX refused the time window'];
  if (isNoRecords(e)) return ['holds', `the window is accepted; no ${words.none} in it`];
  if (!answered) return ['cannot tell'];
  const outside = outsideWindow(e, records, dateKey);
  return outside > 0
    ? ['does not hold', `${outside} ${words.outside} outside the window asked for`]
    : ['holds', `${records.length} ${words.inside}, all inside the window`];
}

/**
 * A30 on one window read of a report: its records newest first (by `dateKey`), and each value a scheduled trigger
 * filters on one of the documented ones (`known`: record key → the values).
 */
export function reportVerdict(records: Rec[], dateKey: string, known: Record<string, readonly string[]>): Judged {
  const unknown = Object.entries(known).flatMap(([key, values]) => {
    const found = new Set(records.map((r) => r[key]).filter((v) => v !== undefined && v !== null && v !== ''));
    return [...found].filter((v) => !values.some((k) => word(k) === word(v))).map((v) => `${key} ${JSON.stringify(v)}`);
  });
  if (unknown.length > 0) return ['does not hold', `${unknown.slice(0, 3).join(', ')}: not a value the filters know`];
  const dates = records.map((r) => Date.parse(String(r[dateKey] ?? ''))).filter(Number.isFinite);
  if (dates.length < 2) return ['cannot tell', 'fewer than two dated records to see their order'];
  return dates.every((d, i) => i === 0 || d <= dates[i - 1]!)
    ? ['holds', `${dates.length} records newest first (${dateKey}), every filtered value documented`]
    : ['does not hold', `records not listed newest first by ${dateKey}`];
}
