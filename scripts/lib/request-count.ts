// Counts the CINNOX requests each operation makes in its common case, on the built app, with nock
// answering every request to a fake Base URL (and refusing any other host).
import { createRequire } from 'node:module';
import nock from 'nock';
import type * as ZapierCore from 'zapier-platform-core';
import type { Examples, Operation } from './built-app.ts';

type Kind = 'triggers' | 'creates' | 'searches';
type BuiltApp = Record<Kind, Record<string, { operation: Operation }>>;
export interface RequestCount {
  operation: string;
  requests: number;
  target: number;
}

const require = createRequire(import.meta.url);
export const BASE_URL = 'https://bench.cinnox.test';
export const authData = { appId: 'bench-app', appToken: 'bench-token', baseUrl: BASE_URL };

/**
 * The operations counted, each with its example input (src/examples.ts, built as dist/examples.js): every
 * create and search, and every drop-down for its first page.
 */
export function casesOf(
  examples: Examples,
): [kind: Kind, key: string, inputData: Record<string, unknown>, meta?: { page: number }][] {
  return (['creates', 'searches', 'triggers'] as const).flatMap((kind) =>
    Object.entries(examples[kind]).map(
      ([key, example]) =>
        [kind, key, example!.inputData, ...(kind === 'triggers' ? [{ page: 0 }] : [])] as [
          Kind,
          string,
          Record<string, unknown>,
          { page: number }?,
        ],
    ),
  );
}
/** The example inputData of each operation, by `kind.key`. */
export const caseInputs = (examples: Examples): Record<string, Record<string, unknown>> =>
  Object.fromEntries(casesOf(examples).map(([kind, key, inputData]) => [`${kind}.${key}`, inputData]));

/**
 * CINNOX's answer to every request: a POST result list, or a GET list with one record fitting every list (a list
 * filtered by `id`, the record with the id asked for). Self-contained: the bench's cold-action probe embeds its
 * text (scripts/lib/cold-action.ts), so it reads nothing of this module.
 */
export function reply(method: string, path: string, body?: unknown) {
  // Add Labels to Enquiry succeeds only when the answer lists the labels it added (A27's counterpart).
  if (method === 'POST' && /\/inquiries\/[^/]+\/labels$/.test(path)) {
    const { labelIds } = (body ?? {}) as { labelIds?: unknown };
    return { code: 0, notExistLabelIds: null, labelIds: Array.isArray(labelIds) ? labelIds : [] };
  }
  if (method !== 'GET')
    return {
      code: 0,
      id: 'new-1',
      // Send OTP SMS counts as sent only on a clear `status: true` (A26).
      status: true,
      result: [{ recipientNumber: '+85294667788', transactionID: 't-1', status: 'Submitted' }],
    };
  return {
    code: 0,
    result: [
      {
        id: new URL(path, 'http://cinnox.test').searchParams.get('id') ?? 'c-1',
        firstName: 'Ann',
        lastName: 'Lee',
        displayCaseNumber: '100245',
        number: '+85230001234',
        type: 'DID',
        serviceID: 'svc',
        path,
      },
    ],
  };
}

export async function countRequests(appPath: string, examples: Examples): Promise<RequestCount[]> {
  process.env.NODE_ENV = 'test'; // core's per-run memory log is for production only
  const zapier = require(require.resolve('zapier-platform-core', { paths: [appPath] })) as typeof ZapierCore;
  const app = require(appPath) as BuiltApp;
  const appTester = zapier.createAppTester(app);
  nock.disableNetConnect();
  const results: RequestCount[] = [];
  let count = 0;
  const scope = nock(BASE_URL).persist();
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    scope[method](/.*/).reply(function (uri, body) {
      count += 1;
      return [200, reply(method.toUpperCase(), uri, body)];
    });
  }
  for (const [kind, key, inputData, meta] of casesOf(examples)) {
    const target = examples[kind][key]?.requests ?? 1;
    count = 0;
    const op = app[kind][key]!;
    let error = '';
    try {
      // Zapier's cache emptied first: the common case, an operation that has read nothing yet.
      await appTester(op.operation.perform, { authData, inputData, meta: meta ?? {} }, true);
    } catch (e) {
      error = ` (failed: ${String((e as Error).message).slice(0, 80)})`;
      count = -1; // a failed operation never passes
    }
    results.push({ operation: `${kind}.${key}${meta ? ' (one page)' : ''}${error}`, requests: count, target });
  }
  // Hook triggers: perform turns the delivery into items without calling CINNOX.
  for (const [key, op] of Object.entries(app.triggers)) {
    if (op.operation.type !== 'hook') continue;
    count = 0;
    const sample = op.operation.sample ?? {};
    await appTester(op.operation.perform, {
      authData,
      inputData: {},
      cleanedRequest: sample,
      rawRequest: { content: JSON.stringify(sample) },
    });
    results.push({ operation: `triggers.${key} (hook perform)`, requests: count, target: 0 });
  }
  scope.persist(false);
  nock.cleanAll();
  nock.restore();
  return results;
}
