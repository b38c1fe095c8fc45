/**
 * The errors of a request that got no (whole) answer, and of a call whose time budget ended: what the client
 * (src/cinnox/client.ts) throws instead of reading an answer. Before anything reached CINNOX, where to look; after
 * it may have, for a write, what to check in CINNOX before replaying; for a read, that it got no answer in time.
 */
import { DASHBOARD_ZAPIER_PATH as DASHBOARD_PATH } from './contract';
import { CinnoxError } from './errors';
import { quote } from './quote';

/** Requests that change nothing: one without an answer is only a read that failed. */
const IDEMPOTENT_READS = new Set(['GET', 'HEAD']);

/**
 * What became of a request that got no (whole) answer, by its Node / OpenSSL code: `notSent` when it cannot have
 * reached CINNOX (DNS, refused connection, TLS handshake, unreachable host), `noAnswer` when it may have (a time-out
 * or a reset after connecting, an answer cut off), or undefined when the error is no network failure.
 */
export function networkFailure(error: unknown): { kind: string; outcome: 'notSent' | 'noAnswer' } | undefined {
  // Only a socket-level failure (node-fetch's FetchError or AbortError, or an error with a Node system code): never
  // an error the client made of an answer, even one whose CINNOX message says "timed out".
  if (!(error instanceof Error)) return undefined;
  const { code: rawCode, type } = error as Error & { code?: unknown; type?: unknown };
  if (error.name !== 'FetchError' && error.name !== 'AbortError' && typeof rawCode !== 'string') return undefined;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const message = error.message;
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'].includes(code))
    return { kind: 'the host name was not found (DNS)', outcome: 'notSent' };
  if (code === 'ECONNREFUSED') return { kind: 'the connection was refused', outcome: 'notSent' };
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /CERT|SELF_SIGNED|UNABLE_TO_|EPROTO/.test(code))
    return { kind: 'the TLS (https) handshake failed', outcome: 'notSent' };
  if (/\b(ssl|tls)\b|certificate|wrong version number/i.test(message) && code !== 'ECONNRESET')
    return { kind: 'the TLS (https) handshake failed', outcome: 'notSent' };
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'].includes(code))
    return { kind: 'the host is unreachable', outcome: 'notSent' };
  // A connection that never opened carried no request.
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || (code === 'ETIMEDOUT' && /\bconnect\b/i.test(message)))
    return { kind: 'the connection timed out', outcome: 'notSent' };
  if (['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED'].includes(code))
    return { kind: 'the connection timed out', outcome: 'noAnswer' };
  if (error.name === 'AbortError' || type === 'aborted' || type === 'request-timeout' || type === 'body-timeout')
    return { kind: 'it did not answer in time', outcome: 'noAnswer' };
  if (/network timeout|timed out/i.test(message)) return { kind: 'it did not answer in time', outcome: 'noAnswer' };
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /socket hang up|premature close|invalid response body/i.test(message)
  )
    return { kind: 'the connection was reset before the whole answer came', outcome: 'noAnswer' };
  return undefined;
}

/** The code of an error for a write that may have been carried out: Zapier must not repeat it on its own. */
export const WRITE_UNCONFIRMED_CODE = 'CinnoxWriteUnconfirmed';
/** The code of an error for a read that got no answer in the time the step has. */
export const TIMEOUT_CODE = 'CinnoxTimeout';

/**
 * A request that got no answer → the error the Zap builder reads. Before anything reached CINNOX (DNS, refused,
 * TLS): the Base URL's host and what to check. After it may have (a time-out, a reset, an answer cut off): for a
 * write, that it may have happened and what to check in CINNOX (`check`) before replaying; for a read, that it
 * got no answer in time. Any other error is returned as it is.
 */
export function networkError(
  error: unknown,
  request: { host: string; method: string; check?: string; seconds: number; retried?: boolean },
): unknown {
  const failure = networkFailure(error);
  if (!failure) return error;
  const said = quote((error as Error).message, undefined);
  if (failure.outcome === 'notSent')
    return new CinnoxError(
      `CINNOX could not be reached at the Base URL's host ${request.host}: ${failure.kind}. Check the connection's Base URL (copy it again from the CINNOX Dashboard, ${DASHBOARD_PATH}); if it is right, CINNOX or the network may be down for a while: try again later. (${said})`,
      'CinnoxUnreachable',
      503,
    );
  if (!IDEMPOTENT_READS.has(request.method.toUpperCase()))
    return new CinnoxError(
      `CINNOX got this step's request, but no answer came back (${failure.kind}), so it may or may not have been carried out. ` +
        `Check ${request.check ?? 'CINNOX'} before replaying this step: Zapier does not repeat it on its own, so nothing is done twice. (${said})`,
      WRITE_UNCONFIRMED_CODE,
      504,
    );
  return new CinnoxError(
    `CINNOX gave no answer to this step's request: ${failure.kind}${request.retried ? ', also when it was sent a second time' : ''}. The step stopped within the ${request.seconds} seconds it has, before Zapier's own 30-second limit. CINNOX or the network may be slow or down for a while: try again later. (${said})`,
    TIMEOUT_CODE,
    504,
  );
}

/** A call whose budget ran out before its next request could be sent (`seconds`: the whole budget). */
export const outOfTimeError = (seconds: number): CinnoxError =>
  new CinnoxError(
    `This step ran out of the ${seconds} seconds it has for CINNOX's answers before its next request, so it stopped before Zapier's own 30-second limit. CINNOX may be slow for a while: try again later.`,
    TIMEOUT_CODE,
    504,
  );

/**
 * A paged read that ran out of time after `pages` pages (`records` records): how far it got, never part of the
 * list as if it were whole; `cause` is the time-out of the page that did not come; `advice`, what to do.
 */
export const partialListError = (
  pages: number,
  records: number,
  cause: CinnoxError,
  advice = 'If it keeps happening, narrow the search so fewer records match.',
): CinnoxError =>
  new CinnoxError(
    `CINNOX answered ${pages} pages of this list (${records.toLocaleString('en')} records) and then not in time, so the step stopped rather than return part of the list as if it were whole. ${cause.text} ${advice}`,
    TIMEOUT_CODE,
    504,
  );
