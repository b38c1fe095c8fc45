/**
 * The answers every read meets alike (`readFailures`, test/helpers/outcomes.ts: CINNOX's codes every endpoint can
 * answer, the connection refused, a gateway's pages, the rate limit, CINNOX failing, a body that is not JSON or not
 * a success, a redirect, no answer), run for every search of the app's definition with its example input
 * (src/examples.ts), answering its first read: a search is covered by its registration. CINNOX's 6451000 names
 * the endpoint's own parameters, so each search's own test holds that row.
 */
import nock from 'nock';
import { examples } from '../../src/examples';
import { API_ROOT, App, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { searchPerform } from '../helpers/ops';
import { expectSeen, readFailures, reply, seenOf, withoutJitter } from '../helpers/outcomes';

withoutJitter();

const inputOf = (key: string) => (examples.searches as Record<string, { inputData: Record<string, unknown> }>)[key]!;

/** The path (under the API root, without its query) of the search's first read for its example. */
async function firstReadOf(key: string): Promise<string> {
  const paths: string[] = [];
  nock(BASE_URL)
    .persist()
    .get(/.*/)
    .reply(function () {
      paths.push(this.req.path.replace(API_ROOT, '').replace(/\?.*$/, ''));
      return [200, { code: 0, result: [] }];
    });
  await seenOf(() => appTester(searchPerform(key), bundleWith(inputOf(key).inputData)));
  nock.cleanAll();
  if (!paths[0]) throw new Error(`${key} read nothing for its example input`);
  return paths[0];
}

const ROWS = readFailures('/')
  .map(([what]) => what)
  .filter((what) => what !== '6451000 bad parameters');

describe.each(Object.keys(App.searches))('%s', (key) => {
  let path: string;
  beforeAll(async () => {
    path = await firstReadOf(key);
  });

  it.each(ROWS)('%s', async (what) => {
    const [, answer, seen] = readFailures(path).find(([row]) => row === what)!;
    const scope = reply(nock(BASE_URL).get(`${API_ROOT}${path}`).query(true), answer, 'read');
    expectSeen(await seenOf(() => appTester(searchPerform(key), bundleWith(inputOf(key).inputData))), seen);
    scope.done();
  });
});
