/**
 * A CINNOX (nock) that echoes the Authorization header it got in its error text, its Location or its body, for
 * each kind of answer; and the check that what an operation gives a Zap builder (its error message or its output)
 * holds no form of the App Token (test/cinnox/secrets-*.test.ts).
 */
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { APP_ID, BASE_URL, appTester, errorDetails } from './app';
import { TARGET_URL } from './hooks';
import type { Perform } from './ops';

/** A token with characters that JSON and URLs write otherwise (`/`, `+`), so each form of it is looked for. */
export const TOKEN = 'tok+9f8e/7d6c5b4a3f2e1d0c';
export const authData = { appId: APP_ID, appToken: TOKEN, baseUrl: BASE_URL };
/** The token in each form an echo can carry it, and its first characters (no part of it may be left at a cut). */
const FORMS = [TOKEN, encodeURIComponent(TOKEN), JSON.stringify(TOKEN).slice(1, -1), TOKEN.slice(0, 12)];

export type Reply = (authorization: string) => [number, nock.Body, Record<string, string>?];
const JSON_TYPE = { 'Content-Type': 'application/json' };
export const TEXT_TYPE = { 'Content-Type': 'text/html' };
const tokenOf = (authorization: string): string => authorization.replace(/^Bearer /, '');

/** Each answer echoes the Authorization header it got ("Bearer <token>"). */
export const ANSWERS = {
  '400 6451000 quoting the header': (a) => [400, { code: 6451000, message: `bad header ${a}` }, JSON_TYPE],
  '401 6452000 quoting the header': (a) => [401, { code: 6452000, message: `invalid token ${a}` }, JSON_TYPE],
  '403 as text, with "appId:token"': (a) => [403, `Forbidden for ${APP_ID}:${tokenOf(a)}`, TEXT_TYPE],
  '404 as an HTML page': (a) => [404, `<html><body>No route for ${a}</body></html>`, TEXT_TYPE],
  '500 with a gateway error': (a) => [500, { error: `upstream rejected ${a}` }, JSON_TYPE],
  '302 to a Location carrying the token': (a) => [
    302,
    '',
    { Location: `https://login.example/?t=${encodeURIComponent(tokenOf(a))}&raw=${tokenOf(a)}` },
  ],
  'a 200 page that is not JSON': (a) => [200, `<html>Welcome, ${a}</html>`, TEXT_TYPE],
  '200 with the header as its code': (a) => [200, { code: { echo: a }, message: `not done: ${a}` }, JSON_TYPE],
} satisfies Record<string, Reply>;

/**
 * Runs `run` against a CINNOX answering every request of any method with `reply` of the header it got; its
 * interceptors are removed after (an operation uses only some of the methods).
 */
export async function withEchoingCinnox<T>(reply: Reply, run: () => Promise<T>): Promise<T> {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(BASE_URL)
      .persist()
      .intercept(/.*/, method)
      .reply(function () {
        return reply(String(this.req.headers.authorization ?? ''));
      });
  }
  try {
    return await run();
  } finally {
    nock.cleanAll();
  }
}

/**
 * Runs the operation against the echoing CINNOX and checks what it gives: its error message (under 2,000
 * characters) or its output, neither holding the token in any form.
 */
export async function expectNoToken(reply: Reply, perform: Perform, inputData: Record<string, unknown>) {
  let said: string;
  try {
    const output = await withEchoingCinnox(reply, () =>
      appTester(perform, { authData, inputData, targetUrl: TARGET_URL } as Partial<Bundle>),
    );
    said = JSON.stringify(output);
  } catch (error) {
    const { message } = errorDetails(error);
    expect(message.length).toBeLessThan(2000);
    said = `${(error as Error).message} ${message}`;
  }
  for (const form of FORMS) expect(said).not.toContain(form);
}
