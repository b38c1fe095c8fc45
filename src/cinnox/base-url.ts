/**
 * The connection's Base URL and App Token, read before any request: the CINNOX Dashboard shows a Base URL next to
 * the App ID and App Token. Admins paste it with or without a trailing slash, sometimes with `/v1/api/apps/{appID}`
 * already on it. A bad Base URL or App Token is refused here, so the token is never sent anywhere.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { preview } from '../input/formats';
import { CINNOX_ID_MAX_UNITS, DASHBOARD_ZAPIER_PATH, NOT_IN_CINNOX_IDS } from './contract';

export const API_BASE_PATH = '/v1/api/apps';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a path segment URL parsing would collapse: ".", "..", or their %2e spellings. */
export function isDotSegment(segment: string): boolean {
  return /^(?:\.|%2e){1,2}$/i.test(segment.trim());
}

function decodedOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export class BaseUrlError extends Error {
  override name = 'BaseUrlError';
}

export interface CinnoxEndpoint {
  /** `https://host[:port]`: the only origin that ever receives the App Token. */
  origin: string;
  /** `https://host[:port]/v1/api/apps/{appID}`: every endpoint path hangs off this. */
  apiRoot: string;
  host: string;
}

export function normalizeBaseUrl(raw: unknown, appId: unknown): CinnoxEndpoint {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const id = typeof appId === 'string' ? appId.trim() : '';
  if (!text) throw new BaseUrlError(`Base URL is empty. Copy it from the CINNOX Dashboard (${DASHBOARD_ZAPIER_PATH}).`);
  if (!id) throw new BaseUrlError(`App ID is empty. Copy it from the CINNOX Dashboard (${DASHBOARD_ZAPIER_PATH}).`);
  // A32: what no CINNOX ID holds, and control characters (C0, DEL, C1); the App ID goes into every request's path.
  // eslint-disable-next-line no-control-regex
  if (NOT_IN_CINNOX_IDS.test(id) || /[\x00-\x1F\x7F-\x9F]/.test(id))
    throw new BaseUrlError(
      `App ID ${preview(id)} contains spaces, control characters, "/", "\\", "%", "?" or "#": copy it again from the CINNOX Dashboard.`,
    );
  if (id.length > CINNOX_ID_MAX_UNITS)
    throw new BaseUrlError(
      `App ID ${preview(id)} is longer than a CINNOX App ID (at most ${CINNOX_ID_MAX_UNITS} characters): copy it again from the CINNOX Dashboard.`,
    );
  // "." and ".." would be collapsed by URL parsing: the requests would leave /v1/api/apps/{App ID}/.
  if (isDotSegment(id))
    throw new BaseUrlError(
      `App ID ${preview(id)} is not a CINNOX App ID: copy it again from the CINNOX Dashboard (${DASHBOARD_ZAPIER_PATH}).`,
    );

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new BaseUrlError(
      `Base URL ${preview(text)} is not a URL. It looks like https://examplebaseurl.com (from the CINNOX Dashboard).`,
    );
  }
  if (url.username || url.password) {
    throw new BaseUrlError(
      'Base URL must not contain a user name or password: enter only the Base URL the CINNOX Dashboard shows, and the App Token in its own field.',
    );
  }
  if (url.search || text.includes('?'))
    throw new BaseUrlError(
      `Base URL must not contain a query string (${preview(url.search || '?')}): enter only the Base URL the CINNOX Dashboard shows.`,
    );
  if (url.hash || text.includes('#'))
    throw new BaseUrlError(
      `Base URL must not contain a fragment (${preview(url.hash || '#')}): enter only the Base URL the CINNOX Dashboard shows.`,
    );

  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !local) {
    throw new BaseUrlError(
      `Base URL must use https:// (plain http is allowed only for localhost and 127.0.0.1). You entered ${preview(text)}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BaseUrlError(`Base URL must start with https://. You entered ${preview(text)}.`);
  }

  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '') {
    const prefix = `${API_BASE_PATH}/`;
    if (!path.startsWith(prefix) || path.slice(prefix.length).includes('/')) {
      throw new BaseUrlError(
        `Base URL path ${preview(url.pathname)} is not CINNOX's: enter just the Base URL (for example https://examplebaseurl.com), optionally followed by ${API_BASE_PATH}/{App ID}.`,
      );
    }
    const pathAppId = decodedOrUndefined(path.slice(prefix.length));
    if (pathAppId === undefined) {
      // A malformed % escape (e.g. %E0%A4%A): not a path CINNOX's Dashboard shows.
      throw new BaseUrlError(
        `Base URL path ${preview(url.pathname)} is not CINNOX's: enter just the Base URL (for example https://examplebaseurl.com), optionally followed by ${API_BASE_PATH}/{App ID}.`,
      );
    }
    if (pathAppId !== id) {
      throw new BaseUrlError(
        `Base URL ends in ${preview(`${API_BASE_PATH}/${pathAppId}`)}, but the App ID is ${preview(id)}. Use the Base URL and App ID of the same CINNOX Zapier account.`,
      );
    }
  }

  const origin = url.origin;
  return { origin, host: url.host, apiRoot: `${origin}${API_BASE_PATH}/${encodeURIComponent(id)}` };
}

type AuthData = Bundle['authData'];

/** The connection's endpoint; a bad Base URL or App ID throws a user-facing error before any request. */
export function endpointOf(z: Pick<ZObject, 'errors'>, authData: AuthData): CinnoxEndpoint {
  try {
    return normalizeBaseUrl(authData.baseUrl, authData.appId);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new z.errors.Error(error.message, 'InvalidBaseUrl', 400);
    throw error;
  }
}

/**
 * What an App Token can be in an Authorization header: printable characters (Latin-1, as HTTP carries them) without
 * spaces. Anything else (a line break, a control character, a space inside, a character beyond Latin-1) was not
 * copied whole, and node would refuse the header with a message that quotes it.
 */
const PLAIN_TOKEN = /^[\x21-\x7E\xA1-\xFF]+$/;

/**
 * The connection's App Token for the Authorization header, trimmed; an empty or malformed one is refused before any
 * request, without being quoted (it is a secret), saying to copy it again.
 */
export function appTokenOf(z: Pick<ZObject, 'errors'>, authData: AuthData): string {
  const token = String(authData.appToken ?? '').trim();
  if (PLAIN_TOKEN.test(token)) return token;
  const where = `the CINNOX Dashboard (${DASHBOARD_ZAPIER_PATH} > your Zapier account's More (...) > View)`;
  throw new z.errors.Error(
    token === ''
      ? `App Token is empty, so nothing was sent. Copy the App Token from ${where} and reconnect.`
      : `App Token contains a space, a line break or a character no App Token has (not shown here: it is a secret), so nothing was sent. Copy the App Token again from ${where} and reconnect.`,
    'InvalidAppToken',
    400,
  );
}
