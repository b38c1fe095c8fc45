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
