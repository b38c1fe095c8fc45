// How the contract check reads one CINNOX answer: the exchange it records (the request the app made and the
// answer), the answer's shape for the evidence (keys and types, never values), its CINNOX code, where a list
// answer carries its records (as the app reads them, A15), and how records and values are compared. The judges
// (contract-judges.ts) reason on these.
// src/cinnox/package.json declares its files ES modules: Node loads contract.ts here without a module type warning.
import { LIST_ENVELOPE_KEYS } from '../../src/cinnox/contract.ts';

/** One request the app made and CINNOX's answer (status undefined: no answer reached the app). */
export interface Exchange {
  method: string;
  /** Relative to `{Base URL}/v1/api/apps/{App ID}`, e.g. `/labels`. */
  path: string;
  query: Record<string, string>;
  status?: number;
  /** Refused by the check's GET-only guard: never sent. */
  notSent?: boolean;
  /** The parsed body (kept in memory for the judges; only its shape is ever shown). */
  body?: unknown;
}

/** CINNOX codes the judges name (docs/cinnox-api.md §0.3). */
export const CODES = { methodNotFound: 6450001, badParameters: 6451000, noRecords: 6451011 } as const;
const ERROR_CODE_MIN = 1_000_000;

// ---------------------------------------------------------------------------------------------
// Shapes: keys and types, never values
// ---------------------------------------------------------------------------------------------

/** `{code: number, result: array(3) of {id: string, …}}`: the keys and types of a JSON value. */
export function shapeOf(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'array(0)';
    const first = value.slice(0, 3).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    const element = first.length > 0 ? shapeOf(Object.assign({}, ...first) as object, depth) : shapeOf(value[0], depth);
    return `array(${value.length}) of ${element}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    if (depth >= 2) return `{${entries.length} keys}`;
    const shown = entries.slice(0, 6).map(([k, v]) => `${k}: ${shapeOf(v, depth + 1)}`);
    return `{${shown.join(', ')}${entries.length > 6 ? `, +${entries.length - 6} keys` : ''}}`;
  }
  return typeof value;
}

export const codeOf = (body: unknown): number | undefined => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const code = (body as { code?: unknown }).code;
  return code === undefined || code === null || code === '' || !Number.isFinite(Number(code))
    ? undefined
    : Number(code);
};
const messageOf = (body: unknown): string => {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? ` "${message.slice(0, 100)}"` : '';
};

/** `GET /labels?offset&limit → 200 {code: number, labelList: array(2) of {…}}`: query keys only. */
export function describe(exchange: Exchange): string {
  const keys = Object.keys(exchange.query);
  const request = `${exchange.method} ${exchange.path}${keys.length ? `?${keys.join('&')}` : ''}`;
  if (exchange.notSent) return `${request} → not sent (the check sends GET only)`;
  if (exchange.status === undefined) return `${request} → no answer`;
  const code = codeOf(exchange.body);
  const answer =
    exchange.status >= 400 || (code !== undefined && code >= ERROR_CODE_MIN)
      ? `${exchange.status}, code ${code ?? 'none'}${messageOf(exchange.body)}`
      : `${exchange.status} ${shapeOf(exchange.body)}`;
  return `${request} → ${answer}`;
}

// ---------------------------------------------------------------------------------------------
// Records of a list answer (as the app reads them, A15)
// ---------------------------------------------------------------------------------------------

export type Rec = Record<string, unknown>;

/** Where a list answer carries its records: 'bare', an envelope key, or undefined with the unread keys. */
export function envelopeOf(body: unknown): { key: string | undefined; records: Rec[]; unread: string[] } {
  if (Array.isArray(body)) return { key: 'bare', records: body as Rec[], unread: [] };
  if (body && typeof body === 'object') {
    const object = body as Rec;
    for (const key of LIST_ENVELOPE_KEYS)
      if (Array.isArray(object[key])) return { key, records: object[key] as Rec[], unread: [] };
    const unread = Object.keys(object).filter((k) => Array.isArray(object[k]));
    return { key: undefined, records: [], unread };
  }
  return { key: undefined, records: [], unread: [] };
}

export const isError = (e: Exchange): boolean =>
  e.status === undefined || e.status >= 400 || (codeOf(e.body) ?? 0) >= ERROR_CODE_MIN;
export const isNoRecords = (e: Exchange): boolean => codeOf(e.body) === CODES.noRecords;
/** A report read whose window CINNOX refused: 6451000 with a reason naming startAt / endAt or the window (§0.3). */
export const windowRefused = (e: Exchange): boolean =>
  ('startAt' in e.query || 'endAt' in e.query) &&
  codeOf(e.body) === CODES.badParameters &&
  /startAt|endAt|time range|query day/i.test(messageOf(e.body));
/** A path CINNOX does not know: 404, or 6450001 method not found. */
export const isUnknownPath = (e: Exchange): boolean => e.status === 404 || codeOf(e.body) === CODES.methodNotFound;

export const folded = (s: unknown): string =>
  String(s ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** How many records are dated (under `dateKey`) outside the startAt / endAt window asked for. */
export const outsideWindow = (e: Exchange, records: Rec[], dateKey: string): number => {
  const start = Date.parse(e.query.startAt ?? '');
  const end = Date.parse(e.query.endAt ?? '');
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 0;
  return records.filter((r) => {
    const at = Date.parse(String(r[dateKey] ?? ''));
    return Number.isFinite(at) && (at < start - 1000 || at > end + 1000);
  }).length;
};

/** Compared as the scheduled triggers compare them: case, spaces, hyphens and underscores ignored. */
export const word = (value: unknown): string =>
  String(value ?? '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** One exchange as every judge reads it: its records (A15) and whether CINNOX answered without an error. */
export interface Answer {
  e: Exchange;
  records: Rec[];
  /** Where the records were: 'bare', an envelope key, or undefined with the array keys the app does not read. */
  key: string | undefined;
  unread: string[];
  /** A status below 400 and no CINNOX error code. */
  answered: boolean;
  /** A read of a report window (startAt / endAt), as the triggers make it. */
  windowed: boolean;
}
export const answerOf = (e: Exchange): Answer => ({
  e,
  ...envelopeOf(e.body),
  answered: e.status !== undefined && !isError(e),
  windowed: 'startAt' in e.query || 'endAt' in e.query,
});
