/**
 * Request middleware. The App Token goes only to the connection's Base URL origin; CINNOX's error
 * responses become errors a Zap builder can act on (src/cinnox/errors.ts).
 */
import type { AfterResponseMiddleware, BeforeRequestMiddleware } from 'zapier-platform-core';
import { normalizeBaseUrl } from './cinnox/base-url';
import { toZapierError } from './cinnox/errors';

function cinnoxOrigin(authData: Record<string, string> | undefined): string | undefined {
  if (!authData?.baseUrl || !authData.appToken) return undefined;
  try {
    return normalizeBaseUrl(authData.baseUrl, authData.appId).origin;
  } catch {
    return undefined;
  }
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

export const addCinnoxHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const origin = cinnoxOrigin(bundle.authData);
  if (!origin || originOf(request.url) !== origin) return request;
  request.headers = {
    ...request.headers,
    Authorization: `Bearer ${bundle.authData.appToken}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  // Never follow a redirect: node-fetch would re-send the token (and a POST body) to the Location.
  request.redirect = 'manual';
  // Map 429 in afterResponse (with CINNOX's code) rather than core's generic early throw.
  (request as { throwForThrottlingEarly?: boolean }).throwForThrottlingEarly = false;
  return request;
};

export const mapCinnoxErrors: AfterResponseMiddleware = (response, z, bundle) => {
  const origin = cinnoxOrigin(bundle.authData);
  if (!origin || originOf(response.request?.url) !== origin) return response;
  if (response.request?.skipThrowForStatus) return response;
  const error = toZapierError(z, {
    status: response.status,
    content: typeof response.content === 'string' ? response.content : '',
    retryAfter: response.headers.get('retry-after'),
    method: response.request?.method,
    url: response.request?.url,
    location: response.headers.get('location'),
  });
  if (error) throw error;
  return response;
};
