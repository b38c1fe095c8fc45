/**
 * Zapier's 30 seconds and CINNOX's 500 requests a minute, over real sockets against a local CINNOX that hangs,
 * stalls, resets or answers slowly (src/cinnox/client.ts `send`), driven through the app's operations. The budget
 * is 1.5 s here instead of 25 s (CINNOX_CALL_BUDGET_MS), so each step must end within it; each write must reach
 * the server exactly once. The cases run concurrently (each has its own server), as most of them only wait.
 * The burst against CINNOX's 500 a minute runs in a process of its own: test/e2e/rate-limit.test.ts.
 */
import { createServer } from 'node:net';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { App, appTester, failure } from '../helpers/app';
import { hookTrigger, TARGET_URL } from '../helpers/hooks';
import { startLocalCinnox, type Behaviour, type LocalCinnox, type Received } from '../helpers/local-cinnox';

const BUDGET_MS = 1500;
/** What the step may take in all: its budget, plus the time to build its error (generous on a loaded machine). */
const ENDS_WITHIN_MS = BUDGET_MS + 1500;

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const op = (kind: 'creates' | 'searches', key: string) =>
  (App[kind] as Record<string, { operation: { perform: Perform } }>)[key]!.operation.perform;
const subscribe = hookTrigger('enquiry_missed').operation.performSubscribe;

const SMS = {
  number_type: 'access-numbers',
  sender_number: '+85230001234',
  recipient_numbers: ['+85294667788'],
  text: 'Your order has shipped.',
};
const OTP = { sender_number: 'CINNOX', recipient_number: '+85294667788', text: 'Your code is %s.' };
const CONTACT = { first_name: 'Ann', last_name: 'Lee' };

const bundleFor = (server: LocalCinnox, inputData: Record<string, unknown>) => ({
  authData: { appId: 'app123', appToken: 'token-abc', baseUrl: server.baseUrl },
  inputData,
  targetUrl: TARGET_URL,
});

/**
 * Runs `run` against a local CINNOX answering by `respond`, and returns the step's error (or undefined), its
 * result, how long it took and what the server received; the server is closed whatever happens.
 */
async function against(
  respond: (request: Received, n: number) => Behaviour,
  run: (server: LocalCinnox) => Promise<unknown>,
) {
  const server = await startLocalCinnox(respond);
  try {
    const started = Date.now();
    let result: unknown;
    const error = await failure(async () => {
      result = await run(server);
    }).catch(() => undefined);
    return { error, result, ms: Date.now() - started, received: server.received };
  } finally {
    await server.close();
  }
}

const HANG = { hang: true } as const;
const STALL = { stall: true } as const;
const RESET = { reset: true } as const;
const NO_ANSWER = /\((it did not answer in time|the connection was reset before the whole answer came)\)/;

beforeAll(() => {
  process.env.CINNOX_CALL_BUDGET_MS = String(BUDGET_MS);
});
afterAll(() => {
  delete process.env.CINNOX_CALL_BUDGET_MS;
});

describe.each([
  ['never answers', HANG],
  ['starts an answer and stalls', STALL],
  ['resets the connection after reading the request', RESET],
])('a write to a CINNOX that %s', (_what, behaviour) => {
  it.concurrent.each([
    ['Send SMS', 'send_sms', SMS, 'the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?)'],
    ['Send OTP SMS', 'send_otp_sms', OTP, 'the SMS report in the CINNOX Dashboard (was the OTP SMS sent?)'],
    ['Create External Contact', 'create_contact', CONTACT, 'the contact list in CINNOX (was the contact created?)'],
  ])('%s ends in time, says the write may have happened, and is sent once', async (_label, key, input, check) => {
    const { error, ms, received } = await against(
      () => behaviour,
      (server) => appTester(op('creates', key), bundleFor(server, input)),
    );
    expect(ms).toBeLessThan(ENDS_WITHIN_MS);
    expect(error?.code).toBe('CinnoxWriteUnconfirmed');
    expect(error?.message).toMatch(
      new RegExp(
        `^CINNOX got this step's request, but no answer came back ${NO_ANSWER.source}, so it may or may not have been carried out\\. `,
      ),
    );
    expect(error?.message).toContain(
      `Check ${check} before replaying this step: Zapier does not repeat it on its own, so nothing is done twice.`,
    );
    expect(received.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it.concurrent(
    'turning a Zap on ends in time, says the subscription may have been set, and sets it once',
    async () => {
      const { error, ms, received } = await against(
        (request) => (request.method === 'GET' ? { answer: { code: 0, result: [] } } : behaviour),
        (server) => appTester(subscribe, bundleFor(server, {})),
      );
      expect(ms).toBeLessThan(ENDS_WITHIN_MS);
      expect(error?.code).toBe('CinnoxWriteUnconfirmed');
      expect(error?.message).toContain(
        'Check the subscription in CINNOX (turning the Zap off and on again sets it anew) before replaying this step',
      );
      expect(received.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    },
  );
});

describe.each([
  ['never answers', HANG, 1],
  ['starts an answer and stalls', STALL, 1],
  ['resets every connection after reading the request', RESET, 2],
])('a read from a CINNOX that %s', (_what, behaviour, requests) => {
  const said =
    behaviour === RESET
      ? 'the connection was reset before the whole answer came, also when it was sent a second time'
      : 'it did not answer in time';
  it.concurrent.each([
    ['Find External Contact', () => op('searches', 'find_contact'), { full_name: 'Ann Lee' }],
    ['Get Number List', () => op('searches', 'find_numbers'), { number_type: 'access-numbers' }],
    ['turning a Zap on (its read of the Event Hook List)', () => subscribe, {}],
  ])('%s ends in time with the time-out message, having sent nothing else', async (_label, perform, input) => {
    const { error, ms, received } = await against(
      () => behaviour,
      (server) => appTester(perform(), bundleFor(server, input)),
    );
    expect(ms).toBeLessThan(ENDS_WITHIN_MS);
    expect(error?.code).toBe('CinnoxTimeout');
    expect(error?.message).toMatch(
      new RegExp(
        `^CINNOX gave no answer to this step's request: ${said}\\. The step stopped within the 2 seconds it has, before Zapier's own 30-second limit\\. CINNOX or the network may be slow or down for a while: try again later\\.`,
      ),
    );
    expect(received).toHaveLength(requests);
    expect(received.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('a read whose first connection is reset and second answered', () => {
  it.concurrent('succeeds: Find External Contact', async () => {
    const { error, result, received } = await against(
      (_request, n) =>
        n === 1 ? RESET : { answer: { code: 0, result: [{ id: 'c1', firstName: 'Ann', lastName: 'Lee' }] } },
      (server) => appTester(op('searches', 'find_contact'), bundleFor(server, { full_name: 'Ann Lee' })),
    );
    expect(error).toBeUndefined();
    expect((result as { id: string }[]).map((c) => c.id)).toEqual(['c1']);
    expect(received).toHaveLength(2);
    // Zapier's log of the step says why the read was sent twice.
    const logged = jest.mocked(console.log).mock.calls.map((args) => String(args[0]).trim());
    expect(logged).toContainEqual(
      expect.stringMatching(
        /^CINNOX: no answer to GET http:\/\/127\.0\.0\.1:\d+\/v1\/api\/apps\/app123\/contacts\/extcontact-list \(the connection was reset before the whole answer came\); sending it once more\.$/,
      ),
    );
  });

  it.concurrent('succeeds: Get Number List', async () => {
    const { error, result, received } = await against(
      (_request, n) => (n === 1 ? RESET : { answer: { code: 0, result: [{ Number: '+85230001234' }] } }),
      (server) => appTester(op('searches', 'find_numbers'), bundleFor(server, { number_type: 'access-numbers' })),
    );
    expect(error).toBeUndefined();
    expect(JSON.stringify(result)).toContain('+85230001234');
    expect(received).toHaveLength(2);
  });
});

describe('a read of many pages, each slow', () => {
  const pageOf = (record: (i: number) => unknown) => (_request: Received, n: number) => ({
    answer: { code: 0, result: Array.from({ length: 500 }, (_, i) => record(n * 500 + i)) },
    afterMs: 600,
  });
  it.concurrent.each([
    [
      'Get Number List',
      'find_numbers',
      { number_type: 'access-numbers' },
      pageOf((i) => ({ Number: `+8523${String(i).padStart(7, '0')}` })),
    ],
    [
      'Find External Contact',
      'find_contact',
      { full_name: 'Ann Lee' },
      pageOf((i) => ({ id: `c${i}`, firstName: 'Ann', lastName: `Lee ${i}` })),
    ],
  ])('%s stops in time saying how far it got, never with part of the list', async (_label, key, input, respond) => {
    const { error, ms } = await against(respond, (server) => appTester(op('searches', key), bundleFor(server, input)));
    expect(ms).toBeLessThan(ENDS_WITHIN_MS);
    expect(error?.code).toBe('CinnoxTimeout');
    expect(error?.message).toMatch(
      /^CINNOX answered [1-3] pages of this list \(\d[\d,]* records\) and then not in time, so the step stopped rather than return part of the list as if it were whole\. .* If it keeps happening, narrow the search so fewer records match\.$/,
    );
  });
});

describe('a scheduled trigger reading its report over slow pages', () => {
  it.concurrent(
    'New or Updated Enquiry stops in time saying how far it got, never with part of the report',
    async () => {
      const poll = (App.triggers as unknown as Record<string, { operation: { perform: Perform } }>)
        .new_or_updated_enquiry!.operation.perform;
      const at = new Date().toISOString();
      const { error, ms, received } = await against(
        (_request, n) => ({
          answer: {
            code: 0,
            result: Array.from({ length: 500 }, (_, i) => ({
              _id: `e${n * 500 + i}`,
              status: 'closed',
              createdAt: at,
            })),
          },
          afterMs: 600,
        }),
        (server) => appTester(poll, bundleFor(server, {})),
      );
      expect(ms).toBeLessThan(ENDS_WITHIN_MS);
      expect(received.length).toBeLessThanOrEqual(4);
      expect(error?.code).toBe('CinnoxTimeout');
      expect(error?.message).toMatch(
        /^CINNOX answered [1-3] pages of this list \(\d[\d,]* records\) and then not in time, so the step stopped rather than return part of the list as if it were whole\. .* Zapier checks again at the next poll; if it keeps happening, CINNOX is slow for a while\.$/,
      );
    },
  );
});

describe('a CINNOX that refuses the connection', () => {
  it.concurrent('Send SMS says CINNOX could not be reached, as nothing was sent', async () => {
    // A port that was just free: nothing listens on it.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const started = Date.now();
    const error = await failure(() =>
      appTester(op('creates', 'send_sms'), {
        authData: { appId: 'app123', appToken: 'token-abc', baseUrl: `http://127.0.0.1:${port}` },
        inputData: SMS,
      }),
    );
    expect(Date.now() - started).toBeLessThan(ENDS_WITHIN_MS);
    expect(error.code).toBe('CinnoxUnreachable');
    expect(error.message).toMatch(
      new RegExp(
        `^CINNOX could not be reached at the Base URL's host 127\\.0\\.0\\.1:${port}: the connection was refused\\. Check the connection's Base URL `,
      ),
    );
  });
});

describe("Zapier's throttle", () => {
  it('holds the actions and searches of one connection to half of CINNOX’s 500 requests a minute', () => {
    expect(App.throttle).toEqual({ window: 60, limit: 250, scope: ['auth'] });
  });
});
