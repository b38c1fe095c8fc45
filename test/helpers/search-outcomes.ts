/**
 * Outcome tables: each kind of answer CINNOX can give an operation's read, and what the Zap builder sees for it
 * (the output, or the error's class, code, message and retry delay), run through the operation's perform with
 * appTester and nock. `readAnswers` are the answers every CINNOX read can get (docs/cinnox-api.md §0.3 and plain
 * HTTP), with what each must become; each operation's table adds the answers of its own endpoint.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, BASE_URL, appTester, bundleWith, errorDetails } from './app';

/** One answer to one request: JSON or text with a status (and headers), or a connection reset instead. */
export interface Reply {
  /** The path under the App ID's API root; the operation's own path when left out. */
  path?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  reset?: true;
}

/** What the Zap builder sees: the output records (each a part of it), or the error. */
export type Seen =
  | { output: Record<string, unknown>[] }
  | {
      error: {
        name: 'AppError' | 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError';
        code?: string;
        message: unknown;
        delay?: number;
      };
    };

/** [CINNOX's answer, the replies to the operation's requests in order, what the Zap builder sees]. */
export type OutcomeRow = [answer: string, replies: Reply[], seen: Seen];

export const failsWith = (
  name: 'AppError' | 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError',
  message: unknown,
  more: { code?: string; delay?: number } = {},
): Seen => ({ error: { name, message, ...more } });

const DASHBOARD = 'Administration > Service Integration > Third Party Integration > Zapier';
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const HTML_PAGE = '<html><body><h1>502 Bad Gateway</h1></body></html>';

/**
 * The answers any CINNOX read can get and what each becomes, for a read of `path`. `badParameters` is the
 * 6451000 reason the endpoint documents and what the message adds for it (the Zapier field of each API field it
 * names); null when the operation words 6451000 itself (its own row).
 */
export function readAnswers(path: string, badParameters: { reason: string; fields: string } | null): OutcomeRow[] {
  const rows: OutcomeRow[] = [
    [
      '6450001 method not found',
      [{ status: 400, body: { code: 6450001, message: `method not found, method: GET url: ${path}` } }],
      failsWith(
        'AppError',
        `CINNOX refused the request (CINNOX code 6450001: method not found, method: GET url: ${path}).`,
        { code: 'Cinnox6450001' },
      ),
    ],
    [
      '6451001 bad response from the service',
      [{ status: 400, body: { code: 6451001, message: 'Bad response from the service' } }],
      failsWith(
        'ThrottledError',
        "CINNOX had a problem answering this request (CINNOX code 6451001: Bad response from the service). Zapier will retry in 30 seconds; if it keeps failing, check CINNOX's status.",
        { delay: 30 },
      ),
    ],
    [
      '6451010 too many requests',
      [{ status: 400, body: { code: 6451010, message: 'Too many requests' } }],
      failsWith(
        'ThrottledError',
        "CINNOX's rate limit was reached (CINNOX code 6451010: Too many requests; at most 500 requests a minute per CINNOX service account). Zapier will retry in 60 seconds.",
        { delay: 60 },
      ),
    ],
    [
      'HTTP 429 with Retry-After: 12',
      [{ status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '12' } }],
      failsWith(
        'ThrottledError',
        "CINNOX's rate limit was reached (HTTP 429: slow down; at most 500 requests a minute per CINNOX service account). Zapier will retry in 12 seconds.",
        { delay: 12 },
      ),
    ],
    [
      '6452000 invalid token',
      [{ status: 400, body: { code: 6452000, message: 'Invalid token' } }],
      failsWith(
        'ExpiredAuthError',
        `CINNOX no longer accepts this connection's App Token (CINNOX code 6452000: Invalid token). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`,
      ),
    ],
    [
      '6452001 invalid appID',
      [{ status: 400, body: { code: 6452001, message: 'Invalid appID' } }],
      failsWith(
        'ExpiredAuthError',
        `CINNOX does not recognise this connection's App ID (CINNOX code 6452001: Invalid appID). Copy the App ID again from the CINNOX Dashboard (${DASHBOARD}) and reconnect your CINNOX account in Zapier.`,
      ),
    ],
    [
      'HTTP 401 without a CINNOX code',
      [{ status: 401, body: 'Unauthorized' }],
      failsWith(
        'ExpiredAuthError',
        `CINNOX no longer accepts this connection's App Token (HTTP 401). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`,
      ),
    ],
    [
      'HTTP 503 with a JSON reason',
      [{ status: 503, body: { message: 'down for maintenance' } }],
      failsWith(
        'ThrottledError',
        "CINNOX had a problem answering this request (HTTP 503: down for maintenance). Zapier will retry in 30 seconds; if it keeps failing, check CINNOX's status.",
        { delay: 30 },
      ),
    ],
    [
      'HTTP 502, a bare status with an HTML page',
      [{ status: 502, body: HTML_PAGE }],
      failsWith(
        'ThrottledError',
        `CINNOX had a problem answering this request (HTTP 502: "${HTML_PAGE}"). Zapier will retry in 30 seconds; if it keeps failing, check CINNOX's status.`,
        { delay: 30 },
      ),
    ],
    [
      'HTTP 404, a bare status with an HTML page',
      [{ status: 404, body: '<html>Not Found</html>' }],
      failsWith(
        'AppError',
        `CINNOX answered HTTP 404 for GET ${API_ROOT}${path}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("<html>Not Found</html>")`,
        { code: 'CinnoxHttp404' },
      ),
    ],
    [
      'HTTP 400, a bare status with an HTML page',
      [{ status: 400, body: '<html>Bad Request</html>' }],
      failsWith('AppError', 'CINNOX answered HTTP 400 with a body that is not JSON: "<html>Bad Request</html>".', {
        code: 'CinnoxUnexpectedResponse',
      }),
    ],
    [
      'HTTP 200 with an HTML page (a wrong Base URL)',
      [{ status: 200, body: '<!doctype html><title>Welcome</title>' }],
      failsWith(
        'AppError',
        'CINNOX answered HTTP 200 with a body that is not JSON: "<!doctype html><title>Welcome</title>". Check the connection\'s Base URL.',
        { code: 'CinnoxUnexpectedResponse' },
      ),
    ],
    [
      'HTTP 200 whose code is no success code',
      [{ status: 200, body: { code: 1, message: 'failed' } }],
      failsWith(
        'AppError',
        'CINNOX answered HTTP 200 but with code 1 ("failed"), which is not a success code (0), so this step failed: its answer is not a result. Check the fields of this step; if it keeps failing, report this to the app\'s developers.',
        { code: 'CinnoxNotConfirmed' },
      ),
    ],
    [
      'HTTP 302 to another host',
      [{ status: 302, body: '', headers: { Location: 'https://elsewhere.example/' } }],
      failsWith(
        'AppError',
        `CINNOX answered HTTP 302 and tried to send this request to https://elsewhere.example/. The app does not follow redirects, so the request and the App Token went nowhere else. Check the connection's Base URL: use the exact Base URL the CINNOX Dashboard shows (${DASHBOARD}).`,
        { code: 'CinnoxRedirect' },
      ),
    ],
    [
      'no answer: the connection reset, also when sent again',
      [{ reset: true }, { reset: true }],
      failsWith(
        'AppError',
        expect.stringMatching(
          new RegExp(
            `^${escaped(
              "CINNOX gave no answer to this step's request: the connection was reset before the whole answer came, also when it was sent a second time. The step stopped within the 25 seconds it has, before Zapier's own 30-second limit. CINNOX or the network may be slow or down for a while: try again later. (request to ",
            )}${escaped(`${BASE_URL}${API_ROOT}${path}?`)}[^ ]* failed, reason: read ECONNRESET\\)$`,
          ),
        ),
        { code: 'CinnoxTimeout' },
      ),
    ],
  ];
  if (badParameters)
    rows.unshift([
      `6451000 bad parameters (${badParameters.reason})`,
      [{ status: 400, body: { code: 6451000, message: badParameters.reason } }],
      failsWith(
        'AppError',
        `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: ${badParameters.reason})${badParameters.fields}`,
        { code: 'CinnoxInvalidParameters' },
      ),
    ]);
  return rows;
}

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

/**
 * Runs `perform` with `inputData` against `replies` (each consumed once, in order) and returns what the Zap
 * builder sees; fails when a reply was left unasked (the operation stopped earlier than the row says).
 */
export async function seenFor(
  perform: Perform,
  inputData: Record<string, unknown>,
  path: string,
  replies: Reply[],
): Promise<{ output?: unknown; error?: Record<string, unknown> }> {
  const scope = nock(BASE_URL);
  for (const reply of replies) {
    const interceptor = scope.get(`${API_ROOT}${reply.path ?? path}`).query(true);
    if (reply.reset) interceptor.replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    else interceptor.reply(reply.status ?? 200, reply.body as nock.Body, reply.headers);
  }
  let seen: { output?: unknown; error?: Record<string, unknown> };
  try {
    seen = { output: await appTester(perform, bundleWith(inputData)) };
  } catch (error) {
    const { name, message, code, delay } = errorDetails(error);
    // Core appends "What happened: Executing … with bundle …" to an ExpiredAuthError's message in tests.
    const text = message.split('\nWhat happened:')[0];
    seen = {
      error: {
        name,
        message: text,
        ...(code === undefined ? {} : { code }),
        ...(delay === undefined ? {} : { delay }),
      },
    };
  }
  scope.done();
  return seen;
}

/**
 * Checks what the Zap builder saw against the row: the error as it is, or each output record's exact keys (the
 * operation's sample's: what the Zap editor offers to map) and the values the row names.
 */
export function expectSeen(
  seen: { output?: unknown; error?: Record<string, unknown> },
  expected: Seen,
  sample: Record<string, unknown>,
): void {
  if ('error' in expected) {
    expect(seen).toEqual({ error: expected.error });
    return;
  }
  expect(seen.error).toBeUndefined();
  const output = seen.output as Record<string, unknown>[];
  expect(output).toHaveLength(expected.output.length);
  output.forEach((record, i) => {
    expect(Object.keys(record).sort()).toEqual(Object.keys(sample).sort());
    expect(record).toMatchObject(expected.output[i]!);
  });
}

/** Jitter off (Math.random at 0): a ThrottledError's delay is the one CINNOX asked for, or the app's default. */
export function withoutJitter(): void {
  let random: jest.SpyInstance | undefined;
  beforeEach(() => {
    random = jest.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => random?.mockRestore());
}
