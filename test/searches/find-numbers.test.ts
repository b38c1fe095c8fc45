import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  NO_RECORDS,
  coded,
  failsWith,
  fullPages,
  list,
  many,
  refusedParameters,
  repeatedPage,
  searchOutcomes,
} from '../helpers/outcomes';

const search = App.searches!.find_numbers!;
const perform = search.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

const numbers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    serviceID: 'svc1',
    number: `+8523000${String(from + i).padStart(4, '0')}`,
    type: 'DID',
    country: ['HK'],
    expireDate: '2027-11-07T00:00:00.000Z',
  }));

describe('find_numbers', () => {
  it('offers the three number types', () => {
    const [field] = search.operation.inputFields as {
      key: string;
      label: string;
      required: boolean;
      choices: unknown;
    }[];
    expect(field).toMatchObject({
      key: 'number_type',
      label: 'Number Type',
      required: true,
      choices: { 'access-numbers': 'Virtual Number', cli: 'Service Number', 'sms-numbers': 'Alphanumeric' },
    });
  });

  it('pages past 500: reads 500, then the rest, and returns one result per number', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/access-numbers`)
      .query({ offset: '0', limit: '500' })
      .reply(200, { code: 0, result: numbers(0, 500) })
      .get(`${API_ROOT}/access-numbers`)
      .query({ offset: '500', limit: '500' })
      .reply(200, { code: 0, result: numbers(500, 7) });
    const results = await run({ number_type: 'access-numbers' });
    scope.done();
    expect(results).toHaveLength(507);
    expect(results[0]).toEqual({
      id: '+85230000000',
      ServiceID: 'svc1',
      Number: '+85230000000',
      type: 'DID',
      country: 'HK',
      expireDate: '2027-11-07T00:00:00.000Z',
    });
    expect(results[506]!.Number).toBe('+85230000506');
    expect(new Set(results.map((r) => r.id)).size).toBe(507);
  });

  it('stops after a full last page when the next one is "No records found"', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/cli`)
      .query({ offset: '0', limit: '500' })
      .reply(200, numbers(0, 500))
      .get(`${API_ROOT}/cli`)
      .query({ offset: '500', limit: '500' })
      .reply(400, { code: 6451011, message: 'No records found' });
    expect(await run({ number_type: 'cli' })).toHaveLength(500);
    scope.done();
  });

  it("maps either casing, Alphanumeric IDs, numbers listed as digits or spaced (to E.164), and dates without a zone, as YYYY/MM/DD or as epoch to ISO 8601 in UTC ('' when unreadable)", async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/sms-numbers`)
      .query({ offset: '0', limit: '500' })
      .reply(200, [
        {
          ServiceID: 'svc1',
          Number: 'CINNOX',
          type: 'ALPHANUMERIC',
          country: ['HK', 'SG'],
          expireDate: '2027-11-07 00:00:00',
        },
        { serviceID: 'svc1', number: 85230001234, type: 'TF', country: 'US', expireDate: 1825545600 },
        { serviceID: 'svc1', number: '+852 3000 1235', type: 'CUSTOM' },
        { serviceID: 'svc1', number: '+85230001236', type: 'DID', expireDate: '2027/11/07' },
        { serviceID: 'svc1', number: '+85230001237', type: 'DID', expireDate: 'next year' },
      ]);
    const results = await run({ number_type: 'sms-numbers' });
    scope.done();
    expect(results).toEqual([
      {
        id: 'CINNOX',
        ServiceID: 'svc1',
        Number: 'CINNOX',
        type: 'ALPHANUMERIC',
        country: 'HK, SG',
        expireDate: '2027-11-07T00:00:00.000Z',
      },
      {
        id: '+85230001234',
        ServiceID: 'svc1',
        Number: '+85230001234',
        type: 'TF',
        country: 'US',
        expireDate: '2027-11-07T00:00:00.000Z',
      },
      { id: '+85230001235', ServiceID: 'svc1', Number: '+85230001235', type: 'CUSTOM', country: '', expireDate: '' },
      {
        id: '+85230001236',
        ServiceID: 'svc1',
        Number: '+85230001236',
        type: 'DID',
        country: '',
        expireDate: '2027-11-07T00:00:00.000Z',
      },
      { id: '+85230001237', ServiceID: 'svc1', Number: '+85230001237', type: 'DID', country: '', expireDate: '' },
    ]);
  });

  it('returns an empty result when there are no numbers', async () => {
    nock(BASE_URL).get(`${API_ROOT}/cli`).query(true).reply(400, { code: 6451011, message: 'No records found' });
    expect(await run({ number_type: 'cli' })).toEqual([]);
  });

  it('refuses a missing or unknown type; nothing is sent', async () => {
    expect((await failure(() => run({}))).message).toBe('Nothing was sent to CINNOX. Number Type is required.');
    expect((await failure(() => run({ number_type: 'fax' }))).message).toBe(
      'Nothing was sent to CINNOX. Number Type must be one of Virtual Number (access-numbers), Service Number (cli), Alphanumeric (sms-numbers); got "fax".',
    );
  });
});

describe('outcomes of find_numbers', () => {
  const number = (i: number) => ({ serviceID: 'svc1', number: `+8523000${String(i).padStart(4, '0')}`, type: 'DID' });
  searchOutcomes('find_numbers', { number_type: 'access-numbers' }, '/access-numbers', [
    [
      'one number: listed, in E.164 as Send SMS takes it',
      [{ body: list([{ ServiceID: 'svc1', Number: '+85230001234', type: 'DID', country: ['HK'] }]) }],
      {
        output: [
          { id: '+85230001234', ServiceID: 'svc1', Number: '+85230001234', type: 'DID', country: 'HK', expireDate: '' },
        ],
      },
    ],
    [
      'a record without a number among numbers: left out',
      [{ body: list([{ serviceID: 'svc1', type: 'DID' }, number(1)]) }],
      { output: [{ id: '+85230000001' }] },
    ],
    ['6451011 No records found: no numbers', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['an empty list: no numbers', [{ body: list([]) }], { output: [] }],
    [
      'offset ignored: the same full page again: an error, never part of the list',
      repeatedPage(number),
      failsWith(
        'AppError',
        "Get Number List could not read every number: CINNOX answered the request for numbers 501 onwards with numbers it had already sent, so it may be ignoring offset (A4), and the list may go on past the 500 read. The app does not return part of the list as if it were whole. Report this to the app's developers.",
        { code: 'CinnoxPagingIgnored' },
      ),
    ],
    [
      'offset ignored after a short page of 100 (a possible page cap): those 100 numbers are the list',
      [{ body: list(many(0, 100, number)) }, { body: list(many(0, 100, number)) }],
      { output: many(0, 100, (i) => ({ id: number(i).number })) },
    ],
    [
      '20 full pages without the end: an error, never part of the list',
      fullPages(20, number),
      failsWith(
        'AppError',
        "Get Number List read 10,000 records (20 requests of 500) without reaching the end of CINNOX's list, and stops there rather than return part of it. If your account has more numbers of this type than that, report this to the app's developers.",
        { code: 'CinnoxTooManyRecords' },
      ),
    ],
    [
      '6451000 bad parameters (exceed maximum limit 500)',
      [coded(6451000, 'exceed maximum limit 500')],
      refusedParameters('exceed maximum limit 500'),
    ],
  ]);
});
