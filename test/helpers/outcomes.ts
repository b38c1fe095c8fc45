/**
 * The outcome tables of every operation: each kind of answer CINNOX (or what stands in front of it) can give a
 * request, and what the Zap builder sees: the step's output, or the error's class, code, message and retry delay.
 * Tables drive the operation itself (appTester) and answer through nock. The answers every read meets alike
 * (`readFailures`) and every write meets alike (`writeFailures`) are written out once here; each operation's own
 * test holds the rows of its endpoint (its success shapes, its codes).
 */
import nock from 'nock';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, errorDetails } from './app';
import { createPerform, searchPerform } from './ops';

/** One answer to one request: JSON or text with a status (200 when left out) and headers, or no answer at all. */
export type Answer =
  { status?: number; body: unknown; headers?: Record<string, string> } | { socket: 'reset' | 'timed out' };

export type ErrorName = 'AppError' | 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError';

/** What the Zap builder sees: the output (compared with toEqual), or the error. */
export type Seen =
  | { output: unknown }
  | {
      error: ErrorName;
      /** The app's error code; a pattern where operations word the same answer their own way. */
      code?: string | RegExp;
      /** The whole message, or a pattern where it holds what varies (the URL). */
      message: string | RegExp;
      /** Zapier's retry delay in seconds (jitter off: see withoutJitter). */
      delay?: number;
    };

export type OutcomeRow = [what: string, answer: Answer, seen: Seen];

/** What an operation gave: its output, or its error as the Zap builder reads it. */
export type Observed = { output: unknown } | { error: string; code?: string; message: string; delay?: number };

export const failsWith = (
  error: ErrorName,
  message: string | RegExp,
  more: { code?: string; delay?: number } = {},
): Seen => ({ error, message, ...more });

/** CINNOX's documented codes (docs/cinnox-api.md §0.3), as it answers them: HTTP 400 with `{code, message}`. */
export const coded = (code: number, message: string): Answer => ({ status: 400, body: { code, message } });
/** A bare HTTP status with an HTML page, as a gateway or a web server answers. */
export const page = (
  status: number,
  html = `<html><body><h1>${status}</h1></body></html>`,
  headers: Record<string, string> = {},
): Answer => ({ status, body: html, headers: { 'Content-Type': 'text/html', ...headers } });

/** A socket error as Node raises it (nock needs an Error instance). */
const SOCKET = {
  reset: () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  'timed out': () => Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' }),
};

/**
 * Answers `interceptor` with `answer`. A read that got no answer is sent once more by the client
 * (src/cinnox/client.ts), so it gets none twice; a write is never sent again.
 */
export function reply(interceptor: nock.Interceptor, answer: Answer, request: 'read' | 'write'): nock.Scope {
  if ('socket' in answer) return interceptor.times(request === 'read' ? 2 : 1).replyWithError(SOCKET[answer.socket]());
  return interceptor.reply(answer.status ?? 200, answer.body as nock.Body, answer.headers);
}

/** Runs the step and says what the Zap builder sees of it. */
export async function seenOf(run: () => Promise<unknown>): Promise<Observed> {
  try {
    return { output: await run() };
  } catch (error) {
    const { name, code, message, delay } = errorDetails(error);
    // Core appends its "What happened" trace to errors that are not AppErrors (ExpiredAuthError): the Zap builder
    // reads the app's message before it.
    return {
      error: name,
      ...(code === undefined ? {} : { code }),
      message: message.split('\nWhat happened:')[0]!,
      ...(delay === undefined ? {} : { delay }),
    };
  }
}

/** Asserts what the Zap builder sees is `seen`: the exact output, or the error's class, code, message and delay. */
export function expectSeen(actual: Observed, seen: Seen): void {
  if ('output' in seen) {
    expect(actual).toEqual({ output: seen.output });
    return;
  }
  const { error, code, message, delay, output } = actual as Partial<Record<string, unknown>>;
  expect({ error, code, output }).toEqual({
    error: seen.error,
    code: seen.code instanceof RegExp ? expect.stringMatching(seen.code) : seen.code,
    output: undefined,
  });
  if (typeof seen.message === 'string') expect(message).toBe(seen.message);
  else expect(message).toMatch(seen.message);
  expect(delay).toBe(seen.delay);
  // A pattern leaves the delay open: the message states the one Zapier waits.
  if (delay !== undefined && seen.message instanceof RegExp) expect(message).toContain(`retry in ${delay} seconds`);
}

/** Jitter off (Math.random at 0): a ThrottledError's delay is the one CINNOX asked for, or the app's default. */
export function withoutJitter(): void {
  let random: jest.SpyInstance | undefined;
  beforeEach(() => {
    random = jest.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => random?.mockRestore());
}

/** Regular-expression text of `text`, matched literally. */
export const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const DASHBOARD = 'Administration > Service Integration > Third Party Integration > Zapier';

/** CINNOX no longer accepting the connection's App Token (`tag`: CINNOX's code and reason, or the HTTP status). */
export const expiredToken = (tag: string): Seen => ({
  error: 'ExpiredAuthError',
  message: `CINNOX no longer accepts this connection's App Token (${tag}). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`,
});
const INVALID_APP_ID: Seen = {
  error: 'ExpiredAuthError',
  message: `CINNOX does not recognise this connection's App ID (CINNOX code 6452001: Invalid appID). Copy the App ID again from the CINNOX Dashboard (${DASHBOARD}) and reconnect your CINNOX account in Zapier.`,
};
const forbidden = (said: string): Seen => ({
  error: 'AppError',
  code: 'CinnoxForbidden',
  message: `The Base URL's host answered HTTP 403 (forbidden) without a CINNOX code (${said}): a gateway or proxy in front of CINNOX refused this request; CINNOX did not refuse the App Token, so the connection stays on. Check the connection's Base URL (the one the CINNOX Dashboard shows, ${DASHBOARD}); if it is right, try again later, and if it keeps happening, ask your CINNOX administrator whether a firewall blocks requests from Zapier.`,
});
/** A gateway's bare 403 page, whatever page it is: an error about the request, never an expired connection. */
export const GATEWAY_403_SEEN: Seen = {
  error: 'AppError',
  code: 'CinnoxForbidden',
  message: new RegExp(
    `^${literally('The Base URL\'s host answered HTTP 403 (forbidden) without a CINNOX code ("')}.*403 Forbidden.*${literally('"): a gateway or proxy in front of CINNOX refused this request; CINNOX did not refuse the App Token, so the connection stays on. Check the connection\'s Base URL')}`,
  ),
};
const rateLimited = (tag: string, delay: number): Seen => ({
  error: 'ThrottledError',
  message: `CINNOX's rate limit was reached (${tag}; at most 500 requests a minute per CINNOX service account). Zapier will retry in ${delay} seconds.`,
  delay,
});
/** CINNOX failing on its side, for a request Zapier may send again (a read, a PUT, a DELETE). */
const retried = (tag: string): Seen => ({
  error: 'ThrottledError',
  message: `CINNOX had a problem answering this request (${tag}). Zapier will retry in 30 seconds; if it keeps failing, check CINNOX's status.`,
  delay: 30,
});
const http404 = (method: string, path: string, html: string) =>
  `CINNOX answered HTTP 404 for ${method} ${API_ROOT}${path}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("${html}")`;
const notJson = (status: number, html: string): Seen => ({
  error: 'AppError',
  code: 'CinnoxUnexpectedResponse',
  message: `CINNOX answered HTTP ${status} with a body that is not JSON: "${html}".${status === 200 ? " Check the connection's Base URL." : ''}`,
});
const REDIRECT: Answer = { status: 302, body: '', headers: { Location: 'https://login.example.com/' } };
const REDIRECT_SEEN: Seen = {
  error: 'AppError',
  code: 'CinnoxRedirect',
  message: `CINNOX answered HTTP 302 and tried to send this request to https://login.example.com/. The app does not follow redirects, so the request and the App Token went nowhere else. Check the connection's Base URL: use the exact Base URL the CINNOX Dashboard shows (${DASHBOARD}).`,
};
const methodNotFound = (method: string, path: string): OutcomeRow => [
  '6450001 method not found',
  coded(6450001, `method not found, method: ${method} url: ${API_ROOT}${path}`),
  {
    error: 'AppError',
    code: 'Cinnox6450001',
    message: `CINNOX does not know the endpoint this step calls (CINNOX code 6450001: method not found, method: ${method} url: ${API_ROOT}${path}). Check the connection's Base URL; if it is right, report this to the app's developers.`,
  },
];

/** CINNOX's 6451000 refusal of the parameters; `fields`, the Zapier field of each API field its reason names. */
export const refusedParameters = (reason: string, fields = ''): Seen => ({
  error: 'AppError',
  code: 'CinnoxInvalidParameters',
  message: `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: ${reason})${fields ? ` In this step's fields: ${fields}.` : ''}`,
});

/**
 * Every answer a read (GET) of `path` (under the API root) can get that fails the step whichever endpoint it reads:
 * each documented CINNOX code every endpoint can answer, the connection's refusals, a gateway's pages, the rate
 * limit, CINNOX failing, a body that is not JSON or not a success, a redirect, no answer.
 */
export function readFailures(path: string): OutcomeRow[] {
  return [
    ['6451000 bad parameters', coded(6451000, 'Bad query'), refusedParameters('Bad query')],
    methodNotFound('GET', path),
    [
      '6451001 bad response from the service',
      coded(6451001, 'Bad response from the service'),
      retried('CINNOX code 6451001: Bad response from the service'),
    ],
    [
      '6451010 too many requests',
      coded(6451010, 'Too many requests'),
      rateLimited('CINNOX code 6451010: Too many requests', 60),
    ],
    [
      'HTTP 429 with Retry-After: 12',
      { status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '12' } },
      rateLimited('HTTP 429: slow down', 12),
    ],
    ['6452000 invalid token', coded(6452000, 'Invalid token'), expiredToken('CINNOX code 6452000: Invalid token')],
    ['6452001 invalid App ID', coded(6452001, 'Invalid appID'), INVALID_APP_ID],
    ['HTTP 401 page', page(401), expiredToken('HTTP 401')],
    ["HTTP 403 gateway's page", page(403), forbidden('"<html><body><h1>403</h1></body></html>"')],
    [
      "HTTP 403 gateway's JSON",
      { status: 403, body: { message: 'Missing Authentication Token' } },
      forbidden('"Missing Authentication Token"'),
    ],
    [
      'HTTP 404 page',
      page(404),
      {
        error: 'AppError',
        code: 'CinnoxHttp404',
        message: http404('GET', path, '<html><body><h1>404</h1></body></html>'),
      },
    ],
    ['HTTP 400 page (not JSON)', page(400), notJson(400, '<html><body><h1>400</h1></body></html>')],
    ['HTTP 500 with a JSON reason', { status: 500, body: { message: 'boom' } }, retried('HTTP 500: boom')],
    ['HTTP 502 page', page(502), retried('HTTP 502: "<html><body><h1>502</h1></body></html>"')],
    ['HTTP 200 page (not JSON)', page(200, '<html>Welcome</html>'), notJson(200, '<html>Welcome</html>')],
    [
      'HTTP 200 with a code that is not a success code',
      { status: 200, body: { code: 5, message: 'partial' } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message:
          'CINNOX answered HTTP 200 but with code 5 ("partial"), which is not a success code (0), so this step failed: its answer is not a result. Check the fields of this step; if it keeps failing, report this to the app\'s developers.',
      },
    ],
    ['HTTP 302 to another host', REDIRECT, REDIRECT_SEEN],
    [
      'a connection reset, twice',
      { socket: 'reset' },
      {
        error: 'AppError',
        code: 'CinnoxTimeout',
        message: new RegExp(
          `^${literally(
            "CINNOX gave no answer to this step's request: the connection was reset before the whole answer came, also when it was sent a second time. The step stopped within the 25 seconds it has, before Zapier's own 30-second limit. CINNOX or the network may be slow or down for a while: try again later. (request to ",
          )}${literally(`${BASE_URL}${API_ROOT}${path}`)}(\\?\\S*)? failed, reason: socket hang up\\)$`,
        ),
      },
    ],
  ];
}

/** A write: its method and its path under the API root. */
export interface Write {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

/** HTTP 200 whose `code` is not a success code (A16): the write is not reported as done. */
export const notSuccessCode = (code: number, message: string): OutcomeRow => [
  `HTTP 200 with code ${code} (not a success code)`,
  { status: 200, body: { code, message } },
  {
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX answered HTTP 200 but with code ${code} ("${message}"), which is not a success code (0), so this step failed: CINNOX did not confirm the change. Check CINNOX (was the SMS sent, the contact created or updated, the message posted, the Zap subscribed?) before replaying this step.`,
  },
];

const NO_ANSWER = {
  reset: ['the connection was reset before the whole answer came', 'socket hang up'],
  'timed out': ['the connection timed out', 'read ETIMEDOUT'],
} as const;
/**
 * A write that got no answer (`socket`): it may have happened, so it is never repeated; `check` is what the
 * write's message says to check in CINNOX before replaying it, a pattern where the table does not know the write.
 */
export const unconfirmedWrite = (write: Write, socket: 'reset' | 'timed out', check: string | RegExp): Seen => {
  const [kind, said] = NO_ANSWER[socket];
  const before = `CINNOX got this step's request, but no answer came back (${kind}), so it may or may not have been carried out. Check `;
  const after = ` before replaying this step: Zapier does not repeat it on its own, so nothing is done twice. (request to ${BASE_URL}${API_ROOT}${write.path} failed, reason: ${said})`;
  return {
    error: 'AppError',
    code: 'CinnoxWriteUnconfirmed',
    message:
      typeof check === 'string'
        ? `${before}${check}${after}`
        : new RegExp(`^${literally(before)}${check.source}${literally(after)}$`),
  };
};

/** A bare HTTP 404 page to a write, in the words of the write that names its own field (its record is not found). */
export const writeNotFound = (write: Write, seen: (answered: string) => Seen): OutcomeRow => [
  'HTTP 404 without a CINNOX body',
  page(404),
  seen(http404(write.method, write.path, '<html><body><h1>404</h1></body></html>')),
];

/**
 * The rows every write meets the same way, whatever it writes: a POST that met a CINNOX-side failure is not
 * repeated, a PUT or DELETE is. What depends on the write itself is a pattern here, and exact in its own test:
 * what its message says to check before replaying it (always a thing in CINNOX, never the bare word), and a
 * bare 404, which a write that names its own record words as that record not found, quoting the 404.
 */
export function writeFailures(write: Write): OutcomeRow[] {
  const { method, path } = write;
  const serverSide = (tag: string): Seen =>
    method === 'POST'
      ? {
          error: 'AppError',
          code: 'CinnoxServerError',
          message: `CINNOX had a problem answering this request (${tag}). It may or may not have been carried out, so Zapier does not repeat it on its own: check CINNOX (was the SMS sent, the contact created, the message posted?) before replaying this step.`,
        }
      : retried(tag);
  const html = (status: number) => `<html><body><h1>${status}</h1></body></html>`;
  const check = /the .+ in (CINNOX|the CINNOX Dashboard)( \(.+\))?/;
  return [
    ['HTTP 401 without a CINNOX body', page(401), expiredToken('HTTP 401')],
    ['6452000 Invalid token', coded(6452000, 'Invalid token'), expiredToken('CINNOX code 6452000: Invalid token')],
    ['6452001 Invalid appID', coded(6452001, 'Invalid appID'), INVALID_APP_ID],
    ['a gateway’s bare HTTP 403 page', page(403), forbidden(`"${html(403)}"`)],
    [
      '6451010 Too many requests',
      coded(6451010, 'Too many requests'),
      rateLimited('CINNOX code 6451010: Too many requests', 60),
    ],
    [
      'HTTP 429 with Retry-After 12, without a CINNOX body',
      page(429, 'Too Many Requests', { 'Retry-After': '12' }),
      rateLimited('HTTP 429', 12),
    ],
    methodNotFound(method, path),
    [
      '6451001 Bad response from the service',
      { status: 500, body: { code: 6451001, message: 'Bad response from the service' } },
      serverSide('CINNOX code 6451001: Bad response from the service'),
    ],
    ['HTTP 500 without a CINNOX body', page(500), serverSide(`HTTP 500: "${html(500)}"`)],
    ['HTTP 400 without a CINNOX body', page(400), notJson(400, html(400))],
    [
      'HTTP 404 without a CINNOX body',
      page(404),
      {
        error: 'AppError',
        code: /^Cinnox(Http404|\w+NotFound)$/,
        message: new RegExp(`^(.+ CINNOX answered: )?${literally(http404(method, path, html(404)))}$`),
      },
    ],
    [
      'HTTP 200 with a page that is not JSON',
      page(200, '<html>Sign in to continue</html>'),
      notJson(200, '<html>Sign in to continue</html>'),
    ],
    ['HTTP 302 to another host', REDIRECT, REDIRECT_SEEN],
    [
      'the connection reset after CINNOX read the request',
      { socket: 'reset' },
      unconfirmedWrite(write, 'reset', check),
    ],
    ['no answer in time (the socket timed out)', { socket: 'timed out' }, unconfirmedWrite(write, 'timed out', check)],
  ];
}

/**
 * A create's own outcome table: each row's answer to its write (`body`, the request CINNOX must receive), and what
 * the Zap builder sees.
 */
export function createOutcomes(
  key: string,
  inputData: Record<string, unknown>,
  write: Write & { body: nock.RequestBodyMatcher },
  rows: OutcomeRow[],
): void {
  it.each(rows)('%s', async (_what, answer, seen) => {
    const scope = reply(
      nock(BASE_URL).intercept(`${API_ROOT}${write.path}`, write.method, write.body),
      answer,
      'write',
    );
    expectSeen(await seenOf(() => appTester(createPerform(key), bundleWith(inputData))), seen);
    scope.done();
  });
}

/** One answer of a search's table: to its own path unless `path` names another (a look-up before the read). */
export type Step = Answer & { path?: string };
export type SearchRow = [what: string, steps: Step[], seen: Seen];

/**
 * A search's own outcome table: the answers to its reads in order (each consumed once), and what the Zap builder
 * sees. Output records are given by the values the row names; each must have exactly the keys of the search's
 * sample (what the Zap editor offers to map).
 */
export function searchOutcomes(key: string, inputData: Record<string, unknown>, path: string, rows: SearchRow[]): void {
  const { sample } = (App.searches as unknown as Record<string, { operation: { sample: object } }>)[key]!.operation;
  it.each(rows)('%s', async (_what, steps, seen) => {
    const scope = nock(BASE_URL);
    for (const step of steps) reply(scope.get(`${API_ROOT}${step.path ?? path}`).query(true), step, 'read');
    const actual = await seenOf(() => appTester(searchPerform(key), bundleWith(inputData)));
    if ('output' in seen && 'output' in actual)
      for (const record of actual.output as Record<string, unknown>[])
        expect(Object.keys(record).sort()).toEqual(Object.keys(sample).sort());
    const records = 'output' in seen ? (seen.output as object[]).map((r) => expect.objectContaining(r)) : undefined;
    expectSeen(actual, records ? { output: records } : seen);
    scope.done();
  });
}

/** CINNOX's answer that it found nothing (6451011), which a search reads as no match. */
export const NO_RECORDS = { code: 6451011, message: 'No records found' };
/** A list CINNOX answers: code 0 and the records under `result`. */
export const list = (result: unknown[]) => ({ code: 0, result });
/** `count` records `make(i)` for i from `from`: the filler of full pages. */
export const many = <T>(from: number, count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(from + i));
/** `pages` full pages of 500 records, as steps. */
export const fullPages = <T>(pages: number, make: (i: number) => T, wrap: (records: T[]) => unknown = list): Step[] =>
  many(0, pages, (p) => ({ body: wrap(many(p * 500, 500, make)) }));
/** The same full page twice: CINNOX ignoring offset. */
export const repeatedPage = <T>(make: (i: number) => T, wrap: (records: T[]) => unknown = list): Step[] => {
  const page = { body: wrap(many(0, 500, make)) };
  return [page, page];
};
