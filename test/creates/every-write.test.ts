/**
 * The rows every write meets alike (`writeFailures`, test/helpers/outcomes.ts: the connection refused, a gateway's
 * pages, the rate limit, CINNOX failing, a body that is not JSON, a redirect, no answer), run for every create of
 * the app's definition with its example input (src/examples.ts): an action is covered by its registration. The
 * write is the action's first request that is not a GET; the reads before it (a search by name) are answered with
 * an empty list. Each action's own test holds the rows of its endpoint, and the exact words of what it says to
 * check before replaying it.
 */
import nock from 'nock';
import { examples } from '../../src/examples';
import { API_ROOT, App, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { createPerform } from '../helpers/ops';
import { expectSeen, reply, seenOf, withoutJitter, writeFailures, type Write } from '../helpers/outcomes';

withoutJitter();

const EMPTY_LIST = { code: 0, result: [] };
const inputOf = (key: string) => (examples.creates as Record<string, { inputData: Record<string, unknown> }>)[key]!;
/** A request's path under the API root, without its query. */
const pathOf = (requested: string) => requested.replace(API_ROOT, '').replace(/\?.*$/, '');

/** What the action sends for its example: the paths it reads before writing, then its write. */
async function requestsOf(key: string): Promise<{ reads: string[]; write: Write }> {
  const reads: string[] = [];
  let write: Write | undefined;
  const scope = nock(BASE_URL).persist();
  scope.get(/.*/).reply(function () {
    if (!write) reads.push(pathOf(this.req.path));
    return [200, EMPTY_LIST];
  });
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const)
    scope.intercept(/.*/, method).reply(function () {
      write ??= { method, path: pathOf(this.req.path) };
      return [200, { code: 0 }];
    });
  await seenOf(() => appTester(createPerform(key), bundleWith(inputOf(key).inputData)));
  nock.cleanAll();
  if (!write) throw new Error(`${key} sent no write for its example input`);
  return { reads, write };
}

const ROWS = writeFailures({ method: 'POST', path: '/' }).map(([what]) => what);

describe.each(Object.keys(App.creates))('%s', (key) => {
  let requests: { reads: string[]; write: Write };
  beforeAll(async () => {
    requests = await requestsOf(key);
  });

  it.each(ROWS)('%s', async (what) => {
    const { reads, write } = requests;
    const [, answer, seen] = writeFailures(write).find(([row]) => row === what)!;
    const scope = nock(BASE_URL);
    for (const read of reads) scope.get(`${API_ROOT}${read}`).query(true).reply(200, EMPTY_LIST);
    reply(scope.intercept(`${API_ROOT}${write.path}`, write.method), answer, 'write');
    expectSeen(await seenOf(() => appTester(createPerform(key), bundleWith(inputOf(key).inputData))), seen);
    scope.done();
  });
});
