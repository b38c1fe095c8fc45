/**
 * Find Label: the request it sends, the label it outputs (exact match on the name), CINNOX's refusals in the words
 * of its fields, and its outcome table.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, APP_TOKEN, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { NO_RECORDS, coded, failsWith, refusedParameters, repeatedPage, searchOutcomes } from '../helpers/outcomes';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const runSearch = (key: keyof typeof App.searches, inputData: Record<string, unknown>) =>
  appTester(App.searches![key]!.operation.perform as Perform, bundleWith(inputData));

const LABELS = `${API_ROOT}/labels`;

describe('find_label', () => {
  it('asks CINNOX by name and keeps the exact match, case aside', async () => {
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ name: 'vip', offset: '0', limit: '500' })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, {
        code: 0,
        labelList: [
          {
            id: 'L1',
            name: 'VIP',
            colorName: 'red',
            createdBy: 's1',
            updatedBy: 's2',
            createdAt: '2026-11-01T09:00:00Z',
            updatedAt: '2026-11-02T09:00:00+08:00',
          },
          { id: 'L2', name: 'VIP Gold', colorName: 'yellow' },
        ],
      });
    const result = await runSearch('find_label', { name: 'vip' });
    scope.done();
    expect(result).toEqual([
      {
        id: 'L1',
        name: 'VIP',
        colorName: 'red',
        createdBy: 's1',
        updatedBy: 's2',
        createdAt: '2026-11-01T09:00:00.000Z',
        updatedAt: '2026-11-02T01:00:00.000Z',
      },
    ]);
  });

  const others = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `l${from + i}`, name: `Other ${from + i}` }));

  it('name filter ignored, over 500 labels: reads page 2 and finds the exact match there', async () => {
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ name: 'VIP', offset: '0', limit: '500' })
      .reply(200, { code: 0, labelList: others(0, 500) })
      .get(LABELS)
      .query({ name: 'VIP', offset: '500', limit: '500' })
      .reply(200, { code: 0, labelList: [...others(500, 20), { id: 'L-vip', name: 'VIP' }] });
    const result = await runSearch('find_label', { name: 'VIP' });
    scope.done();
    expect(result.map((l) => l.id)).toEqual(['L-vip']);
  });

  it('a page cap of 50: reads on after a short page of 50 and finds the match on the next', async () => {
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ name: 'VIP', offset: '0', limit: '500' })
      .reply(200, { code: 0, labelList: others(0, 50) })
      .get(LABELS)
      .query({ name: 'VIP', offset: '50', limit: '500' })
      .reply(200, { code: 0, labelList: [{ id: 'L-vip', name: 'vip' }] });
    expect((await runSearch('find_label', { name: 'VIP' })).map((l) => l.id)).toEqual(['L-vip']);
    scope.done();
  });

  it('past 10 full pages (5,000 candidates) without an exact match: "too many candidates", never "none"', async () => {
    const scope = nock(BASE_URL);
    for (let offset = 0; offset < 5000; offset += 500)
      scope
        .get(LABELS)
        .query({ name: 'VIP', offset: String(offset), limit: '500' })
        .reply(200, { code: 0, labelList: others(offset, 500) });
    const error = await failure(() => runSearch('find_label', { name: 'VIP' }));
    scope.done();
    expect(error.code).toBe('CinnoxTooManyCandidates');
    expect(error.message).toBe(
      'Find Label read 5,000 candidates for Label Name "VIP" (10 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter, so the app cannot tell whether "VIP" exists and does not answer "no match". Report this to the app\'s developers.',
    );
  });

  it('CINNOX ignoring offset (the same full page again) without an exact match: paging ignored, never "none"', async () => {
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ name: 'VIP', offset: '0', limit: '500' })
      .reply(200, { code: 0, labelList: others(0, 500) })
      .get(LABELS)
      .query({ name: 'VIP', offset: '500', limit: '500' })
      .reply(200, { code: 0, labelList: others(0, 500) });
    const error = await failure(() => runSearch('find_label', { name: 'VIP' }));
    scope.done();
    expect(error.code).toBe('CinnoxPagingIgnored');
    expect(error.message).toBe(
      'Find Label could not read every candidate for Label Name "VIP": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter. The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.',
    );
  });

  it('finds nothing on "No records found" (6451011)', async () => {
    const scope = nock(BASE_URL).get(LABELS).query(true).reply(400, { code: 6451011, message: 'No records found' });
    expect(await runSearch('find_label', { name: 'Gold' })).toEqual([]);
    scope.done();
  });

  it('refuses an empty Label Name before any request', async () => {
    const error = await failure(() => runSearch('find_label', {}));
    expect(error.message).toBe('Nothing was sent to CINNOX. Label Name is required.');
  });
});

describe('Zapier field names in refused parameters (6451000)', () => {
  it('find_label: name is Label Name', async () => {
    const scope = nock(BASE_URL).get(LABELS).query(true).reply(400, { code: 6451000, message: 'invalid name' });
    const error = await failure(() => runSearch('find_label', { name: 'VIP' }));
    scope.done();
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid name) In this step's fields: name is Label Name.`,
    );
  });
});

describe('outcomes of find_label', () => {
  const labels = (labelList: unknown[]) => ({ code: 0, labelList });
  const other = (i: number) => ({ id: `l${i}`, name: `Other ${i}` });
  searchOutcomes('find_label', { name: 'VIP' }, '/labels', [
    [
      'the label with that name: found, with the Label ID the Labels field takes',
      [{ body: labels([{ id: 'L1', name: 'VIP', colorName: 'red' }]) }],
      { output: [{ id: 'L1', name: 'VIP', colorName: 'red' }] },
    ],
    [
      'that label among looser matches: only it',
      [
        {
          body: labels([
            { id: 'L2', name: 'VIP Gold' },
            { id: 'L1', name: 'vip' },
          ]),
        },
      ],
      { output: [{ id: 'L1', name: 'vip' }] },
    ],
    ['only looser matches: none', [{ body: labels([{ id: 'L2', name: 'VIP Gold' }]) }], { output: [] }],
    ['6451011 No records found: none', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['an empty list: none', [{ body: labels([]) }], { output: [] }],
    [
      'the label with that name but no ID: an error, never a blank Label ID',
      [{ body: labels([{ name: 'VIP' }]) }],
      failsWith(
        'AppError',
        'Find Label found a match for Label Name "VIP", but CINNOX listed it without an ID, so no later step could use it. Report this to the app\'s developers.',
        { code: 'CinnoxUnexpectedResponse' },
      ),
    ],
    [
      'offset ignored: the same full page again: an error, never "none"',
      repeatedPage(other, labels),
      failsWith(
        'AppError',
        'Find Label could not read every candidate for Label Name "VIP": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter. The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.',
        { code: 'CinnoxPagingIgnored' },
      ),
    ],
    [
      '6451000 bad parameters (invalid name)',
      [coded(6451000, 'invalid name')],
      refusedParameters('invalid name', 'name is Label Name'),
    ],
  ]);
});
