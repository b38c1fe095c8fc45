/**
 * Every error a CINNOX call can end in, made here, once, where the failure is understood: CINNOX's codes
 * (docs/cinnox-api.md §0.3), HTTP statuses, a 2xx answer that is no success, a request that got no answer, a
 * call out of time. The client (src/cinnox/client.ts) calls `toZapierError` and `notConfirmedError` for every
 * answer it does not accept; for a request that got none, and a call whose time budget ends, the errors are in
 * src/cinnox/no-answer.ts; the Zapier fields a refusal names, in src/cinnox/refusal-fields.ts.
 * A Zap builder reads each message; code reads a `CinnoxError`'s properties, never its text.
 */
import { errors, type ZObject } from 'zapier-platform-core';
import { DASHBOARD_ZAPIER_PATH as DASHBOARD_PATH, RATE_LIMIT_PER_MINUTE } from './contract';
import { quote, type Secrets } from './quote';
import { withZapierFields, type RefusalLabels } from './refusal-fields';

export const CINNOX_CODES = {
  methodNotFound: 6450001,
  smsSendFailed: 7210101,
  badParameters: 6451000,
  badServiceResponse: 6451001,
  tooManyRequests: 6451010,
  noRecords: 6451011,
  invalidToken: 6452000,
  invalidAppId: 6452001,
} as const;

/** Seconds Zapier waits before retrying after a rate limit when CINNOX sends no (readable) Retry-After. */
export const DEFAULT_RETRY_SECONDS = 60;
/** Seconds Zapier waits before retrying after a CINNOX-side failure when CINNOX sends no (readable) Retry-After. */
export const SERVER_ERROR_RETRY_SECONDS = 30;
/**
 * The range a Retry-After (delta-seconds or HTTP-date) is clamped to: 0, a negative delay or a date in the past
 * waits the minimum; a day waits the maximum (Zapier retries a step only for a few minutes).
 */
export const RETRY_AFTER_MIN_SECONDS = 1;
export const RETRY_AFTER_MAX_SECONDS = 300;

/** The `code` that marks a CINNOX "No records found" error (6451011) once mapped. */
export const NOT_FOUND_ERROR_CODE = 'CinnoxNotFound';
/** The `code` of a mapped HTTP 404 without a CINNOX code: an unknown path or record, never "no records". */
export const HTTP_404_ERROR_CODE = 'CinnoxHttp404';
/** The code of an answer the app cannot read: not JSON where JSON is due, or JSON no CINNOX answer is. */
export const UNEXPECTED_RESPONSE_CODE = 'CinnoxUnexpectedResponse';

/**
 * A step that failed on CINNOX's answer: Zapier shows `message` (core's AppError), and code reads what CINNOX
 * said from the properties: its code (6451011 …) and reason, and the error's own code (`CinnoxNotFound` …).
 */
export class CinnoxError extends errors.Error {
  /** What the Zap builder reads (core keeps it, with the codes, as JSON in `message`). */
  readonly text: string;
  /** The app's error code (`CinnoxNotFound`, `CinnoxHttp404`, `Cinnox6451000` …), as Zapier logs it. */
  readonly errorCode: string;
  /** The HTTP status CINNOX answered with (or the one the app gives a failure without an answer). */
  readonly httpStatus: number;
  /** CINNOX's 7-digit code, when its answer had one. */
  readonly cinnoxCode: number | undefined;
  /** CINNOX's reason, as it wrote it. */
  readonly reason: string;
  constructor(message: string, errorCode: string, httpStatus: number, cinnoxCode?: number, reason = '') {
    super(message, errorCode, httpStatus);
    this.text = message;
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
    this.cinnoxCode = cinnoxCode;
    this.reason = reason;
  }
}

/**
 * The one rule for "this connection is expired" (Zapier then holds every Zap on it until it is reconnected): only
 * CINNOX's own credential answers, its bad-token and bad-App-ID codes (6452000, 6452001) or an HTTP 401 without
 * another CINNOX code. Anything else that refuses, a gateway's or proxy's 403 page among them, is an error about
 * the request: reconnecting could not help.
 */
export const isCredentialRefusal = (status: number, code: number | undefined): boolean =>
  code === CINNOX_CODES.invalidToken || code === CINNOX_CODES.invalidAppId || (code === undefined && status === 401);

/** The error code of an HTTP 403 without a CINNOX code: a gateway or proxy in front of CINNOX refused the request. */
export const FORBIDDEN_ERROR_CODE = 'CinnoxForbidden';

/** True for CINNOX's "No records found" (6451011). */
export const isNotFound = (error: unknown): error is CinnoxError =>
  error instanceof CinnoxError && error.errorCode === NOT_FOUND_ERROR_CODE;
/** True for an HTTP 404 without a CINNOX code (an unknown path or record). */
export const isHttp404 = (error: unknown): error is CinnoxError =>
  error instanceof CinnoxError && error.errorCode === HTTP_404_ERROR_CODE;

/** What the client knows of the request an answer belongs to. */
export interface CallContext {
  /** The request's method: a failed POST may still have been carried out, so it is not retried. */
  method: string;
  /** The request's URL (it never carries the token): named when CINNOX does not know the path. */
  url: string;
  /** The operation's refusal labels: a refusal naming a CINNOX key names the Zapier field too. */
  fields?: RefusalLabels;
  /** The connection test: a refused App Token or App ID is worded for a first connection (most likely mistyped). */
  connectionTest?: { appId: string };
  /** The connection's App Token and App ID: removed from everything the message quotes of CINNOX's answer. */
  secrets?: Secrets;
}

export interface CinnoxErrorBody {
  code?: number | string;
  message?: string;
}

export interface ErrorResponseLike {
  status: number;
  content: string;
  retryAfter: string | null;
  /** The Location header of a 3xx answer: where CINNOX tried to send the request. */
  location?: string | null;
}

/** The error code of a 3xx answer: CINNOX requests never follow redirects (the token stays on the Base URL's origin). */
export const REDIRECT_ERROR_CODE = 'CinnoxRedirect';

/** A 3xx is not followed (`redirect: 'manual'`): it is an error naming where CINNOX tried to send the request. */
function redirectError(response: ErrorResponseLike, secrets: Secrets | undefined): Error {
  const where = quote(response.location ?? '', secrets);
  return new CinnoxError(
    `CINNOX answered HTTP ${response.status} and ${where ? `tried to send this request to ${where}` : 'named no other address'}. ` +
      `The app does not follow redirects, so the request and the App Token went nowhere else. ` +
      `Check the connection's Base URL: use the exact Base URL the CINNOX Dashboard shows (${DASHBOARD_PATH}).`,
    REDIRECT_ERROR_CODE,
    response.status,
  );
}

/** Requests that are safe to repeat after a CINNOX-side failure. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

const pathOf = (url: string | undefined): string => {
  try {
    return url ? new URL(url).pathname : '';
  } catch {
    return '';
  }
};

function parseBody(content: string): CinnoxErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(content);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CinnoxErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

function isJsonOrEmpty(content: string): boolean {
  if (content.trim() === '') return true;
  try {
    JSON.parse(content);
    return true;
  } catch {
    return false;
  }
}

/** A CINNOX code in the body marks an error even with HTTP 200; 0 and absent mean success. */
export function cinnoxErrorCode(body: CinnoxErrorBody | undefined): number | undefined {
  const code = Number(body?.code);
  return Number.isFinite(code) && code >= 1_000_000 ? code : undefined;
}

/**
 * The seconds to wait before a retry: CINNOX's Retry-After in either form (delta-seconds or an HTTP-date),
 * clamped to RETRY_AFTER_MIN_SECONDS–RETRY_AFTER_MAX_SECONDS; `fallback` when there is none or it is unreadable.
 * `jittered` spreads it so the throttled tasks of one burst do not all come back in the same second.
 */
export function retryDelay(retryAfter: string | null | undefined, fallback: number, now = Date.now()): number {
  const text = (retryAfter ?? '').trim();
  let seconds: number | undefined;
  if (/^-?\d+$/.test(text)) seconds = Number(text);
  else if (text && /[a-z]/i.test(text)) {
    const at = Date.parse(text);
    if (Number.isFinite(at)) seconds = Math.ceil((at - now) / 1000);
  }
  if (seconds === undefined) return fallback;
  return Math.min(RETRY_AFTER_MAX_SECONDS, Math.max(RETRY_AFTER_MIN_SECONDS, seconds));
}

/**
 * A retry delay with jitter: up to a fifth of it again (at least 5 seconds more), never below what CINNOX asked
 * for unless that would pass RETRY_AFTER_MAX_SECONDS, and always within RETRY_AFTER_MIN_SECONDS–MAX.
 */
export function jittered(seconds: number, random: () => number = Math.random): number {
  const spread = Math.max(5, Math.round(seconds / 5));
  const low = Math.min(seconds, RETRY_AFTER_MAX_SECONDS - spread);
  return Math.min(
    RETRY_AFTER_MAX_SECONDS,
    Math.max(RETRY_AFTER_MIN_SECONDS, low + Math.floor(random() * (spread + 1))),
  );
}

/**
 * The error to throw for this answer, or undefined when it is not an error. `call` says what the request was:
 * its method (a failed write is not retried), its URL (named on a 404), the operation's refusal labels (the fields
 * a refusal names) and whether it is the connection test (a refused credential is worded for a first connection).
 */
export function toZapierError(
  z: Pick<ZObject, 'errors'>,
  response: ErrorResponseLike,
  call: CallContext,
): Error | undefined {
  const body = parseBody(response.content);
  const code = cinnoxErrorCode(body);
  const { status } = response;
  const { secrets } = call;
  const snippet = (content: string): string => quote(content, secrets);
  if (status >= 300 && status < 400) return redirectError(response, secrets);
  if (status < 400 && code === undefined) {
    // Success needs a JSON body (or none): an HTML page from a proxy or a wrong Base URL is not an answer.
    if (body !== undefined || isJsonOrEmpty(response.content)) return undefined;
    return new CinnoxError(
      `CINNOX answered HTTP ${status} with a body that is not JSON: "${snippet(response.content)}". Check the connection's Base URL.`,
      UNEXPECTED_RESPONSE_CODE,
      status,
    );
  }

  const cinnoxMessage = messageOf(body, secrets);
  // CINNOX's reason is always shown: after its 7-digit code, or after the HTTP status when there is no code.
  const tag = `${code !== undefined ? `CINNOX code ${code}` : `HTTP ${status}`}${cinnoxMessage ? `: ${cinnoxMessage}` : ''}`;
  const refusal = (message: string, errorCode: string): CinnoxError =>
    new CinnoxError(withZapierFields(message, cinnoxMessage, call.fields), errorCode, status, code, cinnoxMessage);

  if (isCredentialRefusal(status, code) && code !== CINNOX_CODES.invalidAppId) {
    if (call.connectionTest)
      return new CinnoxError(
        `CINNOX did not accept the App Token (${tag}). Copy it again from the CINNOX Dashboard (${DASHBOARD_PATH}: your Zapier account's More (...) > View), in full and without spaces, together with the App ID and Base URL of the same Zapier account. If the App Token was regenerated in CINNOX, only the new one works.`,
        'CinnoxAppTokenRefused',
        401,
        code,
        cinnoxMessage,
      );
    return new z.errors.ExpiredAuthError(
      `CINNOX no longer accepts this connection's App Token (${tag}). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD_PATH}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`,
    );
  }
  if (code === CINNOX_CODES.invalidAppId) {
    if (call.connectionTest)
      return new CinnoxError(
        `CINNOX does not recognise the App ID "${call.connectionTest.appId}" (${tag}). Copy it again from the CINNOX Dashboard (${DASHBOARD_PATH}: your Zapier account's More (...) > View), together with the App Token and Base URL of the same Zapier account.`,
        'CinnoxAppIdRefused',
        401,
        code,
        cinnoxMessage,
      );
    return new z.errors.ExpiredAuthError(
      `CINNOX does not recognise this connection's App ID (${tag}). Copy the App ID again from the CINNOX Dashboard (${DASHBOARD_PATH}) and reconnect your CINNOX account in Zapier.`,
    );
  }
  if (code === undefined && status === 403) {
    // Not CINNOX's check of the App Token (that answers 6452000 or 401): the connection stays on.
    const said = body === undefined ? snippet(response.content) : cinnoxMessage;
    const quotedSaid = said ? ` ("${said}")` : '';
    if (call.connectionTest)
      return new CinnoxError(
        `The Base URL's host answered HTTP 403 (forbidden) without a CINNOX code${quotedSaid}: a gateway or proxy in front of CINNOX refused the connection test before CINNOX checked the App ID and App Token. Copy the Base URL again from the CINNOX Dashboard (${DASHBOARD_PATH}: your Zapier account's More (...) > View); if it is right, ask your CINNOX administrator whether a firewall blocks requests from Zapier.`,
        FORBIDDEN_ERROR_CODE,
        403,
        undefined,
        said,
      );
    return new CinnoxError(
      `The Base URL's host answered HTTP 403 (forbidden) without a CINNOX code${quotedSaid}: a gateway or proxy in front of CINNOX refused this request; CINNOX did not refuse the App Token, so the connection stays on. Check the connection's Base URL (the one the CINNOX Dashboard shows, ${DASHBOARD_PATH}); if it is right, try again later, and if it keeps happening, ask your CINNOX administrator whether a firewall blocks requests from Zapier.`,
      FORBIDDEN_ERROR_CODE,
      403,
      undefined,
      said,
    );
  }
  if (code === CINNOX_CODES.tooManyRequests || status === 429) {
    const delay = jittered(retryDelay(response.retryAfter, DEFAULT_RETRY_SECONDS));
    return new z.errors.ThrottledError(
      `CINNOX's rate limit was reached (${tag}; at most ${RATE_LIMIT_PER_MINUTE} requests a minute per CINNOX service account). Zapier will retry in ${delay} seconds.`,
      delay,
    );
  }
  if (code === CINNOX_CODES.badParameters)
    return refusal(
      `CINNOX refused the request's parameters. Check the fields of this step. (${tag})`,
      'CinnoxInvalidParameters',
    );
  if (code === CINNOX_CODES.noRecords)
    return new CinnoxError(
      `CINNOX found no matching record (${tag}).`,
      NOT_FOUND_ERROR_CODE,
      status,
      code,
      cinnoxMessage,
    );
  if (code === undefined && status === 404) {
    // Not "no records": an unknown path (an API assumption that does not hold) or a wrong Base URL.
    const said = body === undefined ? snippet(response.content) : cinnoxMessage;
    return new CinnoxError(
      `CINNOX answered HTTP 404 for ${call.method} ${pathOf(call.url) || 'this path'}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers.${said ? ` ("${said}")` : ''}`,
      HTTP_404_ERROR_CODE,
      status,
      undefined,
      said,
    );
  }
  if (code === CINNOX_CODES.methodNotFound)
    // The path or method is unknown to this CINNOX: a wrong Base URL, or an API assumption that does not hold.
    return refusal(
      `CINNOX does not know ${cinnoxMessage ? 'the endpoint this step calls' : `${call.method} ${pathOf(call.url) || 'this path'}`} (${tag}). Check the connection's Base URL; if it is right, report this to the app's developers.`,
      'Cinnox6450001',
    );
  if (code === CINNOX_CODES.smsSendFailed)
    // §0.3: "Error while sending SMS", with no more said: it may have reached some recipients.
    return refusal(
      `CINNOX reported an error while sending the SMS (${tag}). Check this step's fields and your CINNOX account's SMS balance, and check CINNOX's SMS records before replaying this step, in case some of it went out.`,
      'Cinnox7210101',
    );
  const serverSide = code === CINNOX_CODES.badServiceResponse || (code === undefined && status >= 500);
  const quoted = body === undefined && response.content ? `: "${snippet(response.content)}"` : '';
  if (serverSide && !IDEMPOTENT.has(call.method.toUpperCase())) {
    return new CinnoxError(
      `CINNOX had a problem answering this request (${tag}${quoted}). It may or may not have been carried out, so Zapier does not repeat it on its own: check CINNOX (was the SMS sent, the contact created, the message posted?) before replaying this step.`,
      'CinnoxServerError',
      status,
      code,
      cinnoxMessage,
    );
  }
  if (serverSide) {
    const delay = jittered(retryDelay(response.retryAfter, SERVER_ERROR_RETRY_SECONDS));
    return new z.errors.ThrottledError(
      `CINNOX had a problem answering this request (${tag}${quoted}). Zapier will retry in ${delay} seconds; if it keeps failing, check CINNOX's status.`,
      delay,
    );
  }
  if (body === undefined) {
    return new CinnoxError(
      `CINNOX answered HTTP ${status} with a body that is not JSON: "${snippet(response.content) || '(empty)'}".`,
      UNEXPECTED_RESPONSE_CODE,
      status,
    );
  }
  if (code === undefined)
    return refusal(
      `CINNOX refused the request (HTTP ${status})${cinnoxMessage ? `: ${cinnoxMessage}` : '.'}`,
      'CinnoxError',
    );
  const refused = `CINNOX refused the request (${tag}).`;
  const named = withZapierFields(refused, cinnoxMessage, call.fields);
  // A code the reference gives no meaning and a reason naming none of this step's fields: say who can tell.
  return new CinnoxError(
    named === refused
      ? `${refused} Check this step's fields; if they are right, ask CINNOX support what code ${code} means for your account.`
      : named,
    `Cinnox${code}`,
    status,
    code,
    cinnoxMessage,
  );
}

/**
 * An answer the app cannot read (`what` it is, e.g. "a list of 250,000 records"), quoting its beginning
 * (`answer`: its text or value): the step ends here rather than on a stack overflow or an endless message.
 */
export const unexpectedAnswerError = (
  status: number,
  what: string,
  answer: unknown,
  secrets: Secrets | undefined,
): CinnoxError =>
  new CinnoxError(
    `CINNOX answered HTTP ${status} with ${what}, which the app cannot read, so this step stopped: "${quote(answer, secrets)}". If it keeps happening, report this to the app's developers.`,
    UNEXPECTED_RESPONSE_CODE,
    status,
  );

/**
 * A 2xx answer's `code` values that mean success (A16, docs/cinnox-api.md §0.2 / §0.3): absent, 0 (the
 * error body's default; message push: "0 means success") and 200 (§0.3's "200 OK Request successful").
 */
export const SUCCESS_CODES: readonly number[] = [0, 200];
/** The error code of a 2xx answer whose `code` is not a success code. */
export const NOT_CONFIRMED_CODE = 'CinnoxNotConfirmed';

/**
 * The error for an answer `toZapierError` let through (2xx, no CINNOX error code ≥ 1,000,000) whose body carries
 * a `code` other than a success code, or undefined: a write is not reported as done, a read is not a result.
 */
export function notConfirmedError(
  method: string,
  status: number,
  data: unknown,
  secrets?: Secrets,
): CinnoxError | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { code, message } = data as { code?: unknown; message?: unknown };
  if (code === undefined || code === null || code === '') return undefined;
  if (typeof code !== 'object' && SUCCESS_CODES.includes(Number(code))) return undefined;
  const reason = typeof message === 'string' && message.trim() ? ` ("${quote(message, secrets)}")` : '';
  const outcome =
    method === 'GET'
      ? "its answer is not a result. Check the fields of this step; if it keeps failing, report this to the app's developers."
      : 'CINNOX did not confirm the change. Check CINNOX (was the SMS sent, the contact created or updated, the message posted, the Zap subscribed?) before replaying this step.';
  return new CinnoxError(
    `CINNOX answered HTTP ${status} but with code ${quote(code, secrets)}${reason}, which is not a success code (0), so this step failed: ${outcome}`,
    NOT_CONFIRMED_CODE,
    status,
  );
}

/** CINNOX's reason in an error body: `message` (or `error` / `msg` when a gateway answered), quoted (`quote`). */
function messageOf(body: CinnoxErrorBody | undefined, secrets: Secrets | undefined): string {
  const record = (body ?? {}) as Record<string, unknown>;
  for (const key of ['message', 'error', 'msg']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return quote(value, secrets);
    if (typeof value === 'number') return String(value);
  }
  return '';
}
