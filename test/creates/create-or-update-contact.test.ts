/**
 * Create or Update External Contact: by its ID, else by name (exact match, every candidate read), else created;
 * two matches fail the step without a write, and bad input sends nothing. Its outcome table by name: each answer
 * the search and the write it leads to can get (test/creates/every-write.test.ts: the rest of the write's).
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { CREATE_ANSWERS, CREATE_WRITE, resultWith } from '../helpers/contact-cases';
import {
  expectSeen,
  expiredToken,
  page,
  reply,
  seenOf,
  withoutJitter,
  type Answer,
  type Seen,
  type Write,
} from '../helpers/outcomes';

const perform = App.creates.create_or_update_contact!.operation.perform as (
  z: ZObject,
  b: Bundle,
) => Promise<Record<string, unknown>>;
const LIST = `${API_ROOT}/contacts/extcontact-list`;
const update = (id: string) => `${API_ROOT}/management/update_externalcontact/${id}`;

describe('create_or_update_contact', () => {
  it('with an External Contact ID: updates that contact with only the fields given, no search', async () => {
    const scope = nock(BASE_URL).put(update('c-7'), { jobTitle: 'CTO' }).reply(200, { code: 0, id: 'c-7' });
    const result = await appTester(perform, bundleWith({ contact_id: 'c-7', job_title: 'CTO' }));
    expect(result).toMatchObject({
      action: 'updated',
      id: 'c-7',
      contact_id: 'c-7',
      job_title: 'CTO',
      first_name: null,
    });
    scope.done();
  });

  it('an External Contact ID CINNOX does not know: says so in the words of the field, as Update does', async () => {
    nock(BASE_URL).put(update('c-404')).reply(400, { code: 6451011, message: 'No records found' });
    const error = await failure(() => appTester(perform, bundleWith({ contact_id: 'c-404', job_title: 'CTO' })));
    expect(error.code).toBe('CinnoxContactNotFound');
    expect(error.message).toMatch(
      /^CINNOX has no external contact with the External Contact ID "c-404"\. Check External Contact ID: map the ID from a Find External Contact step/,
    );
  });

  it('without one: the one contact with that exact name is updated', async () => {
    const scope = nock(BASE_URL)
      .get(LIST)
      .query((q) => q.fullName === 'Ann Lee')
      .reply(200, {
        code: 0,
        result: [
          { id: 'c-1', firstName: 'Ann', lastName: 'Lee' },
          { id: 'c-2', firstName: 'Ann', lastName: 'Leeds' },
        ],
      })
      .put(update('c-1'), { firstName: 'Ann', lastName: 'Lee', jobTitle: 'CTO' })
      .reply(200, { code: 0, id: 'c-1' });
    const result = await appTester(perform, bundleWith({ first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' }));
    expect(result).toMatchObject({ action: 'updated', id: 'c-1', contact_id: 'c-1' });
    scope.done();
  });

  it('without one and no contact of that name: the contact is created', async () => {
    const scope = nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(200, { code: 6451011, message: 'No records found' })
      .post(`${API_ROOT}/management/create_externalcontact`, { firstName: 'Eli', lastName: 'Tse' })
      .reply(200, { code: 0, id: 'c-new' });
    const result = await appTester(perform, bundleWith({ first_name: 'Eli', last_name: 'Tse' }));
    expect(result).toMatchObject({ action: 'created', id: 'c-new', contact_id: null, first_name: 'Eli' });
    scope.done();
  });

  it('two contacts with that name: fails naming them, and writes nothing', async () => {
    nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(200, {
        code: 0,
        result: [
          { id: 'c-1', firstName: 'Ann', lastName: 'Lee' },
          { id: 'c-9', firstName: 'ann', lastName: 'LEE' },
        ],
      });
    const error = await failure(() => appTester(perform, bundleWith({ first_name: 'Ann', last_name: 'Lee' })));
    expect(error.message).toBe(
      '2 external contacts are named "Ann Lee" (IDs c-1, c-9), so nothing was changed: fill External Contact ID with the one to update.',
    );
  });

  it('neither an ID nor a name: refused before any request', async () => {
    const error = await failure(() => appTester(perform, bundleWith({ job_title: 'CTO' })));
    expect(error.message).toBe(
      'Nothing was sent to CINNOX. Fill a First Name or a Last Name: CINNOX needs at least one of them to create a contact.',
    );
  });
});

describe('create_or_update_contact outcomes by name: the search, then the write it leads to', () => {
  withoutJitter();
  const UPDATE: Write = { method: 'PUT', path: '/management/update_externalcontact/c-1' };
  /** Create or Update by name: the search's answer, then the write it leads to (none when it fails first). */
  type Steps = { list: Answer; write?: [Write, Answer] };
  const asCreated = (seen: Seen): Seen =>
    'output' in seen
      ? {
          output: {
            action: 'created',
            ...(seen.output as object),
            contact_id: null,
            job_title: 'CTO',
            jobTitle: 'CTO',
          },
        }
      : seen;
  const NOBODY: Answer = { status: 400, body: { code: 6451011, message: 'No records found' } };
  const ONE: Answer = { status: 200, body: { code: 0, result: [{ id: 'c-1', firstName: 'Ann', lastName: 'Lee' }] } };
  const BY_NAME: [string, Steps, Seen][] = [
    // Every answer a create can give, after a search that found nobody (the name search reads every page first).
    ...CREATE_ANSWERS.map(([what, answer, seen]): [string, Steps, Seen] => [
      `nobody has the name; the create: ${what}`,
      { list: NOBODY, write: [CREATE_WRITE, answer] },
      asCreated(seen),
    ]),
    [
      'one contact has the name; the update: code 0 with the id',
      { list: ONE, write: [UPDATE, { status: 200, body: { code: 0, id: 'c-1' } }] },
      {
        output: {
          action: 'updated',
          contact_id: 'c-1',
          ...resultWith({ id: 'c-1', job_title: 'CTO' }),
          ...resultWith({ id: 'c-1', first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' }),
        },
      },
    ],
    [
      'two contacts have the name: nothing is written',
      {
        list: {
          status: 200,
          body: {
            code: 0,
            result: [
              { id: 'c-1', firstName: 'Ann', lastName: 'Lee' },
              { id: 'c-2', firstName: 'ann', lastName: 'lee' },
            ],
          },
        },
      },
      {
        error: 'AppError',
        code: 'CinnoxContactAmbiguous',
        message:
          '2 external contacts are named "Ann Lee" (IDs c-1, c-2), so nothing was changed: fill External Contact ID with the one to update.',
      },
    ],
    [
      'the search is refused (6452000): nothing is written',
      { list: { status: 400, body: { code: 6452000, message: 'Invalid token' } } },
      expiredToken('CINNOX code 6452000: Invalid token'),
    ],
    [
      'the search meets HTTP 500 (a read, retried by Zapier): nothing is written',
      { list: page(500, 'Internal Server Error') },
      {
        error: 'ThrottledError',
        message:
          'CINNOX had a problem answering this request (HTTP 500: "Internal Server Error"). Zapier will retry in 30 seconds; if it keeps failing, check CINNOX\'s status.',
        delay: 30,
      },
    ],
  ];

  it.each(BY_NAME)('%s', async (_answer, steps, seen) => {
    const scope = reply(
      nock(BASE_URL)
        .get(LIST)
        .query((q) => q.fullName === 'Ann Lee'),
      steps.list,
      'read',
    );
    if (steps.write) {
      const [write, answer] = steps.write;
      const body = { firstName: 'Ann', lastName: 'Lee', jobTitle: 'CTO' };
      reply(nock(BASE_URL).intercept(`${API_ROOT}${write.path}`, write.method, body), answer, 'write');
    }
    const inputData = { first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' };
    expectSeen(await seenOf(() => appTester(perform, bundleWith(inputData))), seen);
    scope.done();
  });
});
