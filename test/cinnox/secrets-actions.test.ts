/**
 * No secret in any message, for the connection test, the actions and the searches: a CINNOX (or a proxy in front
 * of it) that echoes the Authorization header in its error text, its Location or its body gets no App Token into
 * what a Zap builder reads (test/helpers/echoing-cinnox.ts). Each create and search runs with its example input.
 * What the app quotes passes one redaction and one truncation (src/cinnox/quote.ts). The triggers, hydrators and
 * subscriptions: secrets-triggers.test.ts.
 */
import type { Bundle } from 'zapier-platform-core';
import { examples } from '../../src/examples';
import { API_ROOT, App, appTester, errorDetails } from '../helpers/app';
import { ANSWERS, TEXT_TYPE, authData, expectNoToken, withEchoingCinnox, type Reply } from '../helpers/echoing-cinnox';
import { createPerform, searchPerform, type Perform } from '../helpers/ops';

/** A generous bound against a hang; the test measures what the step answers, not how fast. */
const HANG_GUARD_MS = 30_000;

const OPERATIONS: [string, Perform, Record<string, unknown>][] = [
  ['the connection test', App.authentication!.test as Perform, {}],
  ...Object.entries(examples.creates).map(([key, example]): [string, Perform, Record<string, unknown>] => [
    key,
    createPerform(key),
    example.inputData,
  ]),
  ...Object.entries(examples.searches).map(([key, example]): [string, Perform, Record<string, unknown>] => [
    key,
    searchPerform(key),
    example.inputData,
  ]),
];

describe.each(Object.entries(ANSWERS))('a CINNOX that answers %s', (_answer, reply) => {
  it.each(OPERATIONS)('%s: its message holds no App Token', (_op, perform, input) =>
    expectNoToken(reply, perform, input),
  );
});

describe('what a message keeps of an echo', () => {
  const run = async (reply: Reply) => {
    try {
      await withEchoingCinnox(reply, () =>
        appTester(searchPerform('find_numbers'), {
          authData,
          inputData: { number_type: 'access-numbers' },
        } as Partial<Bundle>),
      );
    } catch (error) {
      return errorDetails(error);
    }
    throw new Error('expected Get Number List to fail');
  };

  it('the header CINNOX quotes, the token hidden', async () => {
    const error = await run(ANSWERS['401 6452000 quoting the header']);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain(
      "CINNOX no longer accepts this connection's App Token (CINNOX code 6452000: invalid token Bearer [App Token hidden]). The token was regenerated or this Zapier account was deleted in CINNOX (Administration > Service Integration > Third Party Integration > Zapier). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.",
    );
  });

  it('the App ID joined to the token goes with it', async () => {
    const error = await run((a) => [400, `Refused: app123:${a.slice(7)}`, TEXT_TYPE]);
    expect(error.message).toBe(
      'CINNOX answered HTTP 400 with a body that is not JSON: "Refused: [App ID and App Token hidden]".',
    );
  });

  it('a Location carrying the token, encoded or not', async () => {
    const error = await run(ANSWERS['302 to a Location carrying the token']);
    expect(error.message).toContain(
      'CINNOX answered HTTP 302 and tried to send this request to https://login.example/?t=[App Token hidden]&raw=[App Token hidden].',
    );
  });

  it('a code CINNOX echoes the header in, and its message', async () => {
    const error = await run(ANSWERS['200 with the header as its code']);
    expect(error.message).toBe(
      'CINNOX answered HTTP 200 but with code {"echo":"Bearer [App Token hidden]"} ("not done: Bearer [App Token hidden]"), which is not a success code (0), so this step failed: its answer is not a result. Check the fields of this step; if it keeps failing, report this to the app\'s developers.',
    );
  });

  it(
    'an App ID followed by a million spaces is quoted without backtracking over them',
    async () => {
      const error = await run(() => [400, `Refused: app123${' '.repeat(1_000_000)}!`, TEXT_TYPE]);
      expect(error.message).toBe('CINNOX answered HTTP 400 with a body that is not JSON: "Refused: app123…".');
    },
    HANG_GUARD_MS,
  );

  it('a long echo is cut to a preview of 300 characters after the token is hidden, so no part of it is left', async () => {
    const error = await run((a) => [404, `${'x'.repeat(290)} ${a} ${'y'.repeat(5000)}`, TEXT_TYPE]);
    expect(error.message).toBe(
      `CINNOX answered HTTP 404 for GET ${API_ROOT}/access-numbers: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("${'x'.repeat(290)} Bearer [A…")`,
    );
  });
});
