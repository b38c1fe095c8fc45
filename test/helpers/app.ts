import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index';

export const appTester = zapier.createAppTester(App);
export { App };

/** Empties Zapier's cache (z.cache), which core's appTester keeps in memory across calls: a new Zap run. */
export const clearZapierCache = (): void => {
  (appTester as unknown as { zcacheTestObj: object }).zcacheTestObj = {};
};
// Each test starts with an empty cache: what one test's CINNOX answered is never another test's.
beforeEach(clearZapierCache);

export const BASE_URL = 'https://api.cinnox.test';
export const APP_ID = 'app123';
export const APP_TOKEN = 'token-abc';
/** Every CINNOX path hangs off this. */
export const API_ROOT = `/v1/api/apps/${APP_ID}`;

export const authData = { appId: APP_ID, appToken: APP_TOKEN, baseUrl: BASE_URL };

export function bundleWith(inputData: Record<string, unknown> = {}, extra: Partial<Bundle> = {}): Partial<Bundle> {
  return { authData: { ...authData }, inputData, ...extra } as Partial<Bundle>;
}

/** The parsed JSON of an AppError / ThrottledError message, or the message itself. */
export function errorDetails(error: unknown): { name: string; message: string; code?: string; delay?: number } {
  const err = error as Error;
  try {
    const parsed = JSON.parse(err.message) as { message: string; code?: string; delay?: number };
    return { name: err.name, ...parsed };
  } catch {
    return { name: err.name, message: err.message };
  }
}

/** Runs `fn` expecting it to throw; returns the error's details. */
export async function failure(fn: () => Promise<unknown>): Promise<ReturnType<typeof errorDetails>> {
  try {
    await fn();
  } catch (error) {
    return errorDetails(error);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * A nock query matcher for a report read: exactly `params` plus the time window CINNOX's reports require
 * (`startAt` / `endAt`, RFC3339), ending now and `days` long (written out by the caller, not read from the app).
 */
export const windowed =
  (params: Record<string, string>, days: number) =>
  (query: Record<string, unknown>): boolean => {
    const { startAt, endAt, ...rest } = query;
    const start = Date.parse(String(startAt));
    const end = Date.parse(String(endAt));
    return (
      JSON.stringify(Object.entries(rest).sort()) === JSON.stringify(Object.entries(params).sort()) &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(String(startAt)) &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(String(endAt)) &&
      Math.abs(Date.now() - end) < 60_000 &&
      Math.abs(end - start - days * 24 * 3600 * 1000) < 1000
    );
  };
