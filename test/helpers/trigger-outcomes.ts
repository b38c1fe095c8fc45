/**
 * The outcome tables of the triggers, hydrators and subscriptions: each kind of answer CINNOX (or what stands in
 * front of it) can give one request, and what the Zap builder then sees: the output, or the error's class, code,
 * message and retry delay. Each table drives the operation itself (appTester), answering through nock.
 */
import nock from 'nock';
import { API_ROOT, errorDetails } from './app';

/** One answer to one request: an HTTP answer, or a connection reset before any answer came. */
export type Answer = { status: number; body: nock.Body; headers?: Record<string, string> } | { reset: true };

/** What the Zap builder sees of an error: its class, the app's error code, the message, Zapier's retry delay. */
export interface SeenError {
  error: 'AppError' | 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError';
  code?: string;
  /** The whole message, or a pattern where it holds what varies (a delay, the URL). */
  message: string | RegExp;
  /** The retry delay's range, in seconds (jitter spreads it). */
  delay?: readonly [number, number];
}
/** The output, compared with toEqual (an asymmetric matcher where a part varies). */
export interface SeenOutput {
  output: unknown;
}
export type Seen = SeenOutput | SeenError;

const reset = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

/**
 * Answers `interceptor` with `answer`. A reset read is sent once more by the client (src/cinnox/client.ts), so it is
 * reset twice; a reset write is not sent again.
 */
export function answer(interceptor: nock.Interceptor, given: Answer, { read = true } = {}): nock.Scope {
  if ('reset' in given) return interceptor.times(read ? 2 : 1).replyWithError(reset());
  return interceptor.reply(given.status, given.body, given.headers);
}

/** Runs the operation and says what the Zap builder sees. */
export async function seenOf(run: () => Promise<unknown>): Promise<Seen> {
  try {
    return { output: await run() };
  } catch (error) {
    const details = errorDetails(error);
    return {
      error: details.name as SeenError['error'],
      ...(details.code !== undefined ? { code: details.code } : {}),
      message: details.message,
      ...(details.delay !== undefined ? { delay: [details.delay, details.delay] } : {}),
    };
  }
}

/** Expects `actual` to be what the row says the Zap builder sees. */
export function expectSeen(actual: Seen, expected: Seen): void {
  if ('output' in expected) {
    expect(actual).toEqual({ output: expected.output });
    return;
  }
  expect(actual).toHaveProperty('error', expected.error);
  const error = actual as SeenError;
  if (expected.code !== undefined) expect(error.code).toBe(expected.code);
  // Core appends what happened to an ExpiredAuthError's text; the Zap builder reads the app's message first.
  const message = String(error.message).split('\nWhat happened:')[0];
  if (typeof expected.message === 'string') expect(message).toBe(expected.message);
  else expect(message).toMatch(expected.message);
  if (expected.delay) {
    expect(error.delay?.[0]).toBeGreaterThanOrEqual(expected.delay[0]);
    expect(error.delay?.[0]).toBeLessThanOrEqual(expected.delay[1]);
    // The message states the delay Zapier waits.
    expect(message).toContain(`Zapier will retry in ${error.delay?.[0]} seconds`);
  }
}

const DASHBOARD = 'Administration > Service Integration > Third Party Integration > Zapier';
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** CINNOX's documented codes (docs/cinnox-api.md §0.3), as it answers them: HTTP 400 with `{code, message}`. */
export const coded = (code: number, message: string): Answer => ({ status: 400, body: { code, message } });
export const page = (status: number, html = `<html><body><h1>${status}</h1></body></html>`): Answer => ({
  status,
  body: html,
  headers: { 'Content-Type': 'text/html' },
});

/**
 * Every answer a read (GET) can get that fails the step whichever endpoint it reads, and what the Zap builder sees:
 * each documented CINNOX code every endpoint can answer, a bare HTTP status with an HTML page, 401, 429 with
 * Retry-After, 5xx, a body that is not JSON, an unconfirmed code, a reset. `path` is the endpoint's (a 404 names it).
 */
export function readFailures(path: string): [string, Answer, SeenError][] {
  const forbidden = (said: string) =>
    `The Base URL's host answered HTTP 403 (forbidden) without a CINNOX code${said}: a gateway or proxy in front of CINNOX refused this request; CINNOX did not refuse the App Token, so the connection stays on. Check the connection's Base URL (the one the CINNOX Dashboard shows, ${DASHBOARD}); if it is right, try again later, and if it keeps happening, ask your CINNOX administrator whether a firewall blocks requests from Zapier.`;
  const expired = (tag: string) =>
    `CINNOX no longer accepts this connection's App Token (${tag}). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`;
  const serverSide = (tag: string) =>
    new RegExp(
      `^CINNOX had a problem answering this request \\(${escape(tag)}\\)\\. Zapier will retry in \\d+ seconds; if it keeps failing, check CINNOX's status\\.$`,
    );
  return [
    [
      '6451000 bad parameters',
      coded(6451000, 'Bad query'),
      {
        error: 'AppError',
        code: 'CinnoxInvalidParameters',
        message:
          "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: Bad query)",
      },
    ],
    [
      '6450001 method not found',
      coded(6450001, 'method not found'),
      {
        error: 'AppError',
        code: 'Cinnox6450001',
        message: 'CINNOX refused the request (CINNOX code 6450001: method not found).',
      },
    ],
    [
      '6451001 bad service response',
      coded(6451001, 'Bad response from the service'),
      {
        error: 'ThrottledError',
        message: serverSide('CINNOX code 6451001: Bad response from the service'),
        delay: [30, 36],
      },
    ],
    [
      '6451010 too many requests',
      coded(6451010, 'Too many requests'),
      {
        error: 'ThrottledError',
        message:
          /^CINNOX's rate limit was reached \(CINNOX code 6451010: Too many requests; at most 500 requests a minute per CINNOX service account\)\. Zapier will retry in \d+ seconds\.$/,
        delay: [60, 72],
      },
    ],
    [
      '6452000 invalid token',
      coded(6452000, 'Invalid token'),
      { error: 'ExpiredAuthError', message: expired('CINNOX code 6452000: Invalid token') },
    ],
    [
      '6452001 invalid App ID',
      coded(6452001, 'Invalid appID'),
      {
        error: 'ExpiredAuthError',
        message: `CINNOX does not recognise this connection's App ID (CINNOX code 6452001: Invalid appID). Copy the App ID again from the CINNOX Dashboard (${DASHBOARD}) and reconnect your CINNOX account in Zapier.`,
      },
    ],
    ['HTTP 401 page', page(401), { error: 'ExpiredAuthError', message: expired('HTTP 401') }],
    [
      "HTTP 403 gateway's page",
      page(403),
      { error: 'AppError', code: 'CinnoxForbidden', message: forbidden(' ("<html><body><h1>403</h1></body></html>")') },
    ],
    [
      "HTTP 403 gateway's JSON",
      { status: 403, body: { message: 'Missing Authentication Token' } },
      { error: 'AppError', code: 'CinnoxForbidden', message: forbidden(' ("Missing Authentication Token")') },
    ],
    [
      'HTTP 404 page',
      page(404),
      {
        error: 'AppError',
        code: 'CinnoxHttp404',
        message: `CINNOX answered HTTP 404 for GET ${API_ROOT}${path}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("<html><body><h1>404</h1></body></html>")`,
      },
    ],
    [
      'HTTP 429 with Retry-After: 12',
      { status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '12' } },
      {
        error: 'ThrottledError',
        message:
          /^CINNOX's rate limit was reached \(HTTP 429: slow down; at most 500 requests a minute per CINNOX service account\)\. Zapier will retry in \d+ seconds\.$/,
        delay: [12, 17],
      },
    ],
    [
      'HTTP 500',
      { status: 500, body: { message: 'boom' } },
      { error: 'ThrottledError', message: serverSide('HTTP 500: boom'), delay: [30, 36] },
    ],
    [
      'HTTP 502 page',
      page(502),
      {
        error: 'ThrottledError',
        message: serverSide('HTTP 502: "<html><body><h1>502</h1></body></html>"'),
        delay: [30, 36],
      },
    ],
    [
      'HTTP 200 page (not JSON)',
      page(200, '<html>Welcome</html>'),
      {
        error: 'AppError',
        code: 'CinnoxUnexpectedResponse',
        message: `CINNOX answered HTTP 200 with a body that is not JSON: "<html>Welcome</html>". Check the connection's Base URL.`,
      },
    ],
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
    [
      'a connection reset, twice',
      { reset: true },
      {
        error: 'AppError',
        code: 'CinnoxTimeout',
        message: new RegExp(
          `^CINNOX gave no answer to this step's request: the connection was reset before the whole answer came, also when it was sent a second time\\. .*\\(request to https://api\\.cinnox\\.test${escape(API_ROOT + path)}(\\?\\S*)? failed, reason: read ECONNRESET\\)$`,
        ),
      },
    ],
  ];
}

/** The rows of readFailures that are CINNOX's refusals of a list (Test Trigger shows the sample for these). */
export const LIST_REFUSALS = [
  '6451000 bad parameters',
  '6450001 method not found',
  'HTTP 404 page',
  'HTTP 200 with a code that is not a success code',
];
