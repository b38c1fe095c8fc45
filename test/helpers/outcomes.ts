/**
 * The actions' outcome tables: for each kind of answer CINNOX can give a write (a success with the record, a
 * success that did nothing, each documented error code, a bare HTTP status without a CINNOX body, a reset or a
 * time-out), what the Zap builder sees: the step's output, or the error's class, code and message (and a
 * ThrottledError's delay). Each action's test runs its rows through the operation with nock; the rows every write
 * meets the same way (the connection, the rate limit, a gateway's pages, no answer) are written out once here.
 */
import type nock from 'nock';
import { errorDetails } from './app';

/** What CINNOX (or whatever stands in front of it) answers: JSON, a page that is not JSON, or no answer at all. */
export type Answer =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; html: string; headers?: Record<string, string> }
  | { socket: 'reset' | 'timed out' };

/** What the Zap builder sees: the step's output, or its error. */
export type Seen =
  | { output: Record<string, unknown> }
  | {
      error: 'AppError' | 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError';
      code?: string;
      message: string | RegExp;
      /** A ThrottledError's delay in seconds: at least, at most (jitter). */
      delay?: [number, number];
    };

export type OutcomeRow = [what: string, answer: Answer, seen: Seen];

/** A socket error as Node raises it (nock needs an Error instance). */
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });
const SOCKET = {
  reset: socketError('ECONNRESET', 'socket hang up'),
  'timed out': socketError('ETIMEDOUT', 'read ETIMEDOUT'),
} as const;

/** Sets `answer` as the reply of `interceptor`. */
export function reply(interceptor: nock.Interceptor, answer: Answer): nock.Scope {
  if ('socket' in answer) return interceptor.replyWithError(SOCKET[answer.socket]);
  if ('html' in answer)
    return interceptor.reply(answer.status, answer.html, { 'Content-Type': 'text/html', ...answer.headers });
  return interceptor.reply(answer.status, answer.json as nock.Body, answer.headers);
}

/** Runs the step and says what the Zap builder sees of it. */
export async function seenOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    return { output: await run() };
  } catch (error) {
    const { name, code, message, delay } = errorDetails(error);
    // Core appends its "What happened" trace to errors that are not AppErrors (ExpiredAuthError): the message is
    // what comes before it.
    return { error: name, code, message: message.split('\nWhat happened:\n')[0], delay };
  }
}

/** Asserts what the Zap builder sees is `seen`: the exact output, or the error's class, code, message and delay. */
export function expectSeen(actual: Record<string, unknown>, seen: Seen): void {
  if ('output' in seen) {
    expect(actual).toEqual({ output: seen.output });
    return;
  }
  expect({ error: actual.error, code: actual.code }).toEqual({ error: seen.error, code: seen.code });
  if (typeof seen.message === 'string') expect(actual.message).toBe(seen.message);
  else expect(actual.message).toMatch(seen.message);
  if (seen.delay) {
    expect(actual.delay).toBeGreaterThanOrEqual(seen.delay[0]);
    expect(actual.delay).toBeLessThanOrEqual(seen.delay[1]);
  } else expect(actual.delay).toBeUndefined();
}

/** Regular-expression text of `text`, matched literally. */
export const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PAGES = {
  400: '<html><body><h1>400 Bad Request</h1></body></html>',
  401: '<html><body><h1>401 Authorization Required</h1></body></html>',
  403: '<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request blocked.</p></body></html>',
  404: '<html><body><h1>404 Not Found</h1></body></html>',
  500: '<html><body><h1>500 Internal Server Error</h1></body></html>',
  200: '<html><body>Sign in to continue</body></html>',
} as const;

const DASHBOARD = 'Administration > Service Integration > Third Party Integration > Zapier';
const RECONNECT = `The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`;

/** CINNOX no longer accepting the connection's App Token (`tag`: CINNOX's code and reason, or the HTTP status). */
export const expiredToken = (tag: string): Seen => ({
  error: 'ExpiredAuthError',
  message: `CINNOX no longer accepts this connection's App Token (${tag}). ${RECONNECT}`,
});

/**
 * A gateway's bare 403 page (no CINNOX code): an error about the request, never an expired connection, quoting the
 * page's start and pointing at the Base URL.
 */
export const GATEWAY_403_SEEN: Seen = {
  error: 'AppError',
  code: 'CinnoxForbidden',
  message: new RegExp(
    `^${literally('The Base URL\'s host answered HTTP 403 (forbidden) without a CINNOX code ("')}.*403 Forbidden.*${literally('"): a gateway or proxy in front of CINNOX refused this request; CINNOX did not refuse the App Token, so the connection stays on. Check the connection\'s Base URL')}`,
  ),
};

/**
 * The rows every write meets the same way, whatever it writes: `method` and `url` of its request (a POST that met a
 * CINNOX-side failure is not repeated; a PUT or DELETE is), `check`, what its message says to check in CINNOX
 * before replaying it when no answer came; `notFound`, what the write makes of a bare 404 when it names its own field.
 */
export function everyWriteRows(request: {
  method: 'POST' | 'PUT' | 'DELETE';
  url: string;
  check: string;
  notFound?: Seen;
}): OutcomeRow[] {
  const { method, url, check } = request;
  const path = new URL(url).pathname;
  const serverSide = (tag: string): Seen =>
    method === 'POST'
      ? {
          error: 'AppError',
          code: 'CinnoxServerError',
          message: `CINNOX had a problem answering this request (${tag}). It may or may not have been carried out, so Zapier does not repeat it on its own: check CINNOX (was the SMS sent, the contact created, the message posted?) before replaying this step.`,
        }
      : {
          error: 'ThrottledError',
          message: new RegExp(
            `^${literally(`CINNOX had a problem answering this request (${tag}). Zapier will retry in `)}3\\d seconds; if it keeps failing, check CINNOX's status\\.$`,
          ),
          delay: [30, 36],
        };
  const noAnswer = (kind: string, said: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxWriteUnconfirmed',
    message: `CINNOX got this step's request, but no answer came back (${kind}), so it may or may not have been carried out. Check ${check} before replaying this step: Zapier does not repeat it on its own, so nothing is done twice. (request to ${url} failed, reason: ${said})`,
  });
  return [
    ['HTTP 401 without a CINNOX body', { status: 401, html: PAGES[401] }, expiredToken('HTTP 401')],
    [
      '6452000 Invalid token',
      { status: 400, json: { code: 6452000, message: 'Invalid token' } },
      expiredToken('CINNOX code 6452000: Invalid token'),
    ],
    [
      '6452001 Invalid appID',
      { status: 400, json: { code: 6452001, message: 'Invalid appID' } },
      {
        error: 'ExpiredAuthError',
        message: `CINNOX does not recognise this connection's App ID (CINNOX code 6452001: Invalid appID). Copy the App ID again from the CINNOX Dashboard (${DASHBOARD}) and reconnect your CINNOX account in Zapier.`,
      },
    ],
    ['a gateway’s bare HTTP 403 page', { status: 403, html: PAGES[403] }, GATEWAY_403_SEEN],
    [
      '6451010 Too many requests',
      { status: 400, json: { code: 6451010, message: 'Too many requests' } },
      {
        error: 'ThrottledError',
        message:
          /^CINNOX's rate limit was reached \(CINNOX code 6451010: Too many requests; at most 500 requests a minute per CINNOX service account\)\. Zapier will retry in (6\d|7[0-2]) seconds\.$/,
        delay: [60, 72],
      },
    ],
    [
      'HTTP 429 with Retry-After 12, without a CINNOX body',
      { status: 429, html: 'Too Many Requests', headers: { 'Retry-After': '12' } },
      {
        error: 'ThrottledError',
        message:
          /^CINNOX's rate limit was reached \(HTTP 429; at most 500 requests a minute per CINNOX service account\)\. Zapier will retry in 1[2-7] seconds\.$/,
        delay: [12, 17],
      },
    ],
    [
      '6450001 method not found',
      { status: 400, json: { code: 6450001, message: `method not found, method: ${method} url: ${path}` } },
      {
        error: 'AppError',
        code: 'Cinnox6450001',
        message: `CINNOX refused the request (CINNOX code 6450001: method not found, method: ${method} url: ${path}).`,
      },
    ],
    [
      '6451001 Bad response from the service',
      { status: 500, json: { code: 6451001, message: 'Bad response from the service' } },
      serverSide('CINNOX code 6451001: Bad response from the service'),
    ],
    ['HTTP 500 without a CINNOX body', { status: 500, html: PAGES[500] }, serverSide(`HTTP 500: "${PAGES[500]}"`)],
    [
      'HTTP 400 without a CINNOX body',
      { status: 400, html: PAGES[400] },
      {
        error: 'AppError',
        code: 'CinnoxUnexpectedResponse',
        message: `CINNOX answered HTTP 400 with a body that is not JSON: "${PAGES[400]}".`,
      },
    ],
    [
      'HTTP 404 without a CINNOX body',
      { status: 404, html: PAGES[404] },
      request.notFound ?? {
        error: 'AppError',
        code: 'CinnoxHttp404',
        message: `CINNOX answered HTTP 404 for ${method} ${path}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("${PAGES[404]}")`,
      },
    ],
    [
      'HTTP 200 with a page that is not JSON',
      { status: 200, html: PAGES[200] },
      {
        error: 'AppError',
        code: 'CinnoxUnexpectedResponse',
        message: `CINNOX answered HTTP 200 with a body that is not JSON: "${PAGES[200]}". Check the connection's Base URL.`,
      },
    ],
    [
      'HTTP 302 to another host',
      { status: 302, html: '', headers: { Location: 'https://login.example.com/' } },
      {
        error: 'AppError',
        code: 'CinnoxRedirect',
        message:
          "CINNOX answered HTTP 302 and tried to send this request to https://login.example.com/. The app does not follow redirects, so the request and the App Token went nowhere else. Check the connection's Base URL: use the exact Base URL the CINNOX Dashboard shows (Administration > Service Integration > Third Party Integration > Zapier).",
      },
    ],
    [
      'the connection reset after CINNOX read the request',
      { socket: 'reset' },
      noAnswer('the connection was reset before the whole answer came', 'socket hang up'),
    ],
    [
      'no answer in time (the socket timed out)',
      { socket: 'timed out' },
      noAnswer('the connection timed out', 'read ETIMEDOUT'),
    ],
  ];
}
