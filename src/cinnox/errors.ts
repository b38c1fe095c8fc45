/**
 * CINNOX error codes (docs/cinnox-api.md §0.3) and what a Zap builder is told for each. The afterResponse
 * middleware calls `toZapierError` for every error response from the connection's Base URL.
 */
import type { ZObject } from 'zapier-platform-core';
import { DASHBOARD_ZAPIER_PATH as DASHBOARD_PATH, RATE_LIMIT_PER_MINUTE } from './contract';

export const CINNOX_CODES = {
  methodNotFound: 6450001,
  badParameters: 6451000,
  badServiceResponse: 6451001,
  tooManyRequests: 6451010,
  noRecords: 6451011,
  invalidToken: 6452000,
  invalidAppId: 6452001,
} as const;

/** Seconds Zapier waits before retrying after a rate limit when CINNOX sends no Retry-After. */
export const DEFAULT_RETRY_SECONDS = 60;
/** Seconds Zapier waits before retrying after a CINNOX-side failure. */
export const SERVER_ERROR_RETRY_SECONDS = 30;

/** The `code` that marks a CINNOX "No records found" error (6451011) once mapped. */
export const NOT_FOUND_ERROR_CODE = 'CinnoxNotFound';

export interface CinnoxErrorBody {
  code?: number | string;
  message?: string;
}

export interface ErrorResponseLike {
  status: number;
  content: string;
  retryAfter: string | null;
  /** The request's method: a failed POST may still have been carried out, so it is not retried. */
  method?: string;
  /** The request's URL (it never carries the token): named when CINNOX does not know the path. */
  url?: string;
  /** The Location header of a 3xx answer: where CINNOX tried to send the request. */
  location?: string | null;
}

/** The error code of a 3xx answer: CINNOX requests never follow redirects (the token stays on the Base URL's origin). */
export const REDIRECT_ERROR_CODE = 'CinnoxRedirect';

/** A 3xx is not followed (`redirect: 'manual'`): it is an error naming where CINNOX tried to send the request. */
function redirectError(z: Pick<ZObject, 'errors'>, response: ErrorResponseLike): Error {
  const where = response.location?.trim();
  return new z.errors.Error(
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

function snippet(content: string, max = 200): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A CINNOX code in the body marks an error even with HTTP 200; 0 and absent mean success. */
export function cinnoxErrorCode(body: CinnoxErrorBody | undefined): number | undefined {
  const code = Number(body?.code);
  return Number.isFinite(code) && code >= 1_000_000 ? code : undefined;
}

/** Returns the error to throw for this response, or undefined when it is not an error. */
export function toZapierError(z: Pick<ZObject, 'errors'>, response: ErrorResponseLike): Error | undefined {
  const body = parseBody(response.content);
  const code = cinnoxErrorCode(body);
  const { status } = response;
  if (status >= 300 && status < 400) return redirectError(z, response);
  if (status < 400 && code === undefined) {
    // Success needs a JSON body (or none): an HTML page from a proxy or a wrong Base URL is not an answer.
    if (body !== undefined || isJsonOrEmpty(response.content)) return undefined;
    return new z.errors.Error(
      `CINNOX answered HTTP ${status} with a body that is not JSON: "${snippet(response.content)}". Check the connection's Base URL.`,
      'CinnoxUnexpectedResponse',
      status,
    );
  }

  const cinnoxMessage = body?.message ? String(body.message) : '';
  const tag = code !== undefined ? `CINNOX code ${code}${cinnoxMessage ? `: ${cinnoxMessage}` : ''}` : `HTTP ${status}`;

  if (code === CINNOX_CODES.invalidToken || (code === undefined && (status === 401 || status === 403))) {
    return new z.errors.ExpiredAuthError(
      `CINNOX no longer accepts this connection's App Token (${tag}). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD_PATH}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`,
    );
  }
  if (code === CINNOX_CODES.invalidAppId) {
    return new z.errors.ExpiredAuthError(
      `CINNOX does not recognise this connection's App ID (${tag}). Copy the App ID again from the CINNOX Dashboard (${DASHBOARD_PATH}) and reconnect your CINNOX account in Zapier.`,
    );
  }
  if (code === CINNOX_CODES.tooManyRequests || status === 429) {
    const retry = Number.parseInt(response.retryAfter ?? '', 10);
    const delay = Number.isFinite(retry) && retry > 0 ? retry : DEFAULT_RETRY_SECONDS;
    return new z.errors.ThrottledError(
      `CINNOX's rate limit was reached (${tag}; at most ${RATE_LIMIT_PER_MINUTE} requests a minute per CINNOX service account). Zapier will retry in ${delay} seconds.`,
      delay,
    );
  }
  if (code === CINNOX_CODES.badParameters) {
    return new z.errors.Error(
      `CINNOX refused the request's parameters. Check the fields of this step. (${tag})`,
      'CinnoxInvalidParameters',
      status,
    );
  }
  if (code === CINNOX_CODES.noRecords) {
    return new z.errors.Error(`CINNOX found no matching record (${tag}).`, NOT_FOUND_ERROR_CODE, status);
  }
  if (code === undefined && status === 404) {
    // Not "no records": an unknown path (an API assumption that does not hold) or a wrong Base URL.
    return new z.errors.Error(
      `CINNOX answered HTTP 404 for ${response.method ?? 'the request to'} ${pathOf(response.url) || 'this path'}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers.${body === undefined && response.content ? ` ("${snippet(response.content)}")` : ''}`,
      'CinnoxHttp404',
      status,
    );
  }
  const serverSide = code === CINNOX_CODES.badServiceResponse || (code === undefined && status >= 500);
  if (serverSide && response.method && !IDEMPOTENT.has(response.method.toUpperCase())) {
    return new z.errors.Error(
      `CINNOX had a problem answering this request (${tag}${body === undefined && response.content ? `: "${snippet(response.content)}"` : ''}). It may or may not have been carried out, so Zapier does not repeat it on its own: check CINNOX (was the SMS sent, the contact created, the message posted?) before replaying this step.`,
      'CinnoxServerError',
      status,
    );
  }
  if (serverSide) {
    return new z.errors.ThrottledError(
      `CINNOX had a problem answering this request (${tag}${body === undefined && response.content ? `: "${snippet(response.content)}"` : ''}). Zapier will retry in ${SERVER_ERROR_RETRY_SECONDS} seconds; if it keeps failing, check CINNOX's status.`,
      SERVER_ERROR_RETRY_SECONDS,
    );
  }
  if (body === undefined) {
    return new z.errors.Error(
      `CINNOX answered HTTP ${status} with a body that is not JSON: "${snippet(response.content) || '(empty)'}".`,
      'CinnoxUnexpectedResponse',
      status,
    );
  }
  return new z.errors.Error(
    `CINNOX refused the request (${tag}).`,
    code !== undefined ? `Cinnox${code}` : 'CinnoxError',
    status,
  );
}

/** True for a mapped HTTP 404 without a CINNOX code (`CinnoxHttp404`). */
export function isHttp404(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'AppError') return false;
  try {
    return (JSON.parse(error.message) as { code?: string }).code === 'CinnoxHttp404';
  } catch {
    return false;
  }
}

/** True for the mapped 6451011 "No records found": searches turn it into an empty result. */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'AppError') return false;
  try {
    return (JSON.parse(error.message) as { code?: string }).code === NOT_FOUND_ERROR_CODE;
  } catch {
    return false;
  }
}
