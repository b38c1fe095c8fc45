/**
 * At the edges of an unconfirmed CINNOX, data and money: no missed match (Find External Contact reads every candidate or says it could
 * not), no write reported as done when CINNOX's code says otherwise, no list cut or repeated silently.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { TARGET_URL, hookTrigger } from '../helpers/hooks';
import { createPerform, searchPerform, triggerPerform, watchUnmatched } from '../helpers/ops';

const unmatched = watchUnmatched();
const CONTACTS = `${API_ROOT}/contacts/extcontact-list`;
const hydrate = (App.hydrators as Record<string, (z: ZObject, bundle: Bundle) => Promise<unknown>>).contactDetails!;

/** `count` contacts whose names CINNOX matched loosely ("Ann Leeds 7", …), none exactly "Ann Lee". */
const loose = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `c${from + i}`, firstName: 'Ann', lastName: `Leeds ${from + i}` }));
const byNamePage = (offset: number) =>
  nock(BASE_URL)
    .get(CONTACTS)
    .query({ fullName: 'Ann Lee', offset: String(offset), limit: '500' });
const findContact = (name = 'Ann Lee') =>
  appTester(searchPerform('find_contact'), bundleWith({ full_name: name })) as Promise<Record<string, unknown>[]>;

describe('Find External Contact looks at every candidate, or says it could not', () => {
  it('finds the exact match on the second page of loose matches', async () => {
    const scope = byNamePage(0)
      .reply(200, { code: 0, result: loose(0, 500) })
      .get(CONTACTS)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, { code: 0, result: [...loose(500, 3), { id: 'c-ann', firstName: 'Ann', lastName: 'Lee' }] });
    const found = await findContact();
    scope.done();
    expect(found.map((c) => c.id)).toEqual(['c-ann']);
  });

  it('reads on past a page of exactly 50 (a page cap below 500 is not the end of the list)', async () => {
    const scope = byNamePage(0)
      .reply(200, { code: 0, result: loose(0, 50) })
      .get(CONTACTS)
      .query({ fullName: 'Ann Lee', offset: '50', limit: '500' })
      .reply(200, { code: 0, result: [{ id: 'c-ann', firstName: 'Ann', lastName: 'Lee' }] });
    expect((await findContact()).map((c) => c.id)).toEqual(['c-ann']);
    scope.done();
  });

  it('past 10 full pages (5,000 candidates) without an exact match: "too many candidates", never "none"', async () => {
    let scope = byNamePage(0).reply(200, loose(0, 500));
    for (let page = 1; page < 10; page += 1)
      scope = scope
        .get(CONTACTS)
        .query({ fullName: 'Ann Lee', offset: String(page * 500), limit: '500' })
        .reply(200, loose(page * 500, 500));
    const error = await failure(() => findContact());
    scope.done();
    expect(error).toMatchObject({ name: 'AppError', code: 'CinnoxTooManyCandidates' });
    expect(error.message).toBe(
      'Find External Contact read 5,000 candidates for Full Name "Ann Lee" (10 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter (A7), so the app cannot tell whether "Ann Lee" exists and does not answer "no match" (Find or Create would then create a second copy). Report this to the app\'s developers.',
    );
    expect(unmatched.list).toEqual([]);
  });

  it('CINNOX ignoring offset (the same full page again) without an exact match: an error, never "none"', async () => {
    const scope = byNamePage(0)
      .reply(200, loose(0, 500))
      .get(CONTACTS)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, loose(0, 500));
    const error = await failure(() => findContact());
    scope.done();
    expect(error).toMatchObject({ code: 'CinnoxPagingIgnored' });
    expect(error.message).toBe(
      'Find External Contact could not read every candidate for Full Name "Ann Lee": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter (A7). The app does not answer "no match" without having looked at every candidate (Find or Create would then create a second copy). Report this to the app\'s developers.',
    );
  });

  it('with an exact match already found, an unreadable rest still returns the match', async () => {
    const page = [...loose(0, 499), { id: 'c-ann', firstName: 'Ann', lastName: 'Lee' }];
    const scope = byNamePage(0)
      .reply(200, page)
      .get(CONTACTS)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, page);
    expect((await findContact()).map((c) => c.id)).toEqual(['c-ann']);
    scope.done();
  });

  it('the common case is still one request', async () => {
    const scope = byNamePage(0).reply(200, { code: 0, result: [{ id: 'c1', firstName: 'Ann', lastName: 'Lee' }] });
    expect(await findContact()).toHaveLength(1);
    scope.done();
  });
});

describe('the contact-details hydrator (A8) claims only what it knows', () => {
  const getById = (id: string) => nock(BASE_URL).get(CONTACTS).query({ id, offset: '0', limit: '1' });

  it('an answer listing other contacts: the id filter may not hold, not "deleted or merged"', async () => {
    const scope = getById('c-100').reply(200, { code: 0, result: [{ id: 'c-7', firstName: 'Bob' }] });
    const error = await failure(() => appTester(hydrate, bundleWith({ contactId: 'c-100' })));
    scope.done();
    expect(error.message).not.toContain('deleted or merged');
    expect(error).toMatchObject({ code: 'CinnoxUnexpectedResponse' });
    expect(error.message).toBe(
      'CINNOX\'s answer did not contain the external contact with ID "c-100" (it listed another contact), so its details cannot be loaded. CINNOX may not filter the contact list by id (assumption A8): report this to the app\'s developers.',
    );
  });

  it.each([
    ['an empty list', () => getById('c-100').reply(200, { code: 0, result: [] })],
    ['No records found (6451011)', () => getById('c-100').reply(400, { code: 6451011, message: 'No records found' })],
  ])('%s: no such contact any more', async (_what, answer) => {
    const scope = answer();
    const error = await failure(() => appTester(hydrate, bundleWith({ contactId: 'c-100' })));
    scope.done();
    expect(error.message).toContain('CINNOX has no external contact with ID "c-100" any more');
  });
});

describe('a success status with a failing code is a failure', () => {
  it('Create External Contact: HTTP 200 {"code":400}', async () => {
    const scope = nock(BASE_URL)
      .post(`${API_ROOT}/management/create_externalcontact`)
      .reply(200, { code: 400, message: 'firstName or lastName is required' });
    const error = await failure(() => appTester(createPerform('create_contact'), bundleWith({ first_name: 'Ann' })));
    scope.done();
    expect(error).toMatchObject({ name: 'AppError', code: 'CinnoxNotConfirmed' });
    expect(error.message).toBe(
      'CINNOX answered HTTP 200 but with code 400 ("firstName or lastName is required"), which is not a success code (0), so this step failed: CINNOX did not confirm the change. Check CINNOX (was the SMS sent, the contact created or updated, the message posted, the Zap subscribed?) before replaying this step.',
    );
  });

  it('Update External Contact: HTTP 200 {"code":"error"}', async () => {
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/c1`)
      .reply(200, { code: 'error', message: 'locked' });
    const error = await failure(() =>
      appTester(createPerform('update_contact'), bundleWith({ contact_id: 'c1', job_title: 'CTO' })),
    );
    scope.done();
    expect(error.message).toContain('CINNOX answered HTTP 200 but with code error ("locked")');
  });

  it('Send SMS: HTTP 200 {"code":400} is not "sent"', async () => {
    const scope = nock(BASE_URL).post(`${API_ROOT}/sms`).reply(200, { code: 400, result: [] });
    const error = await failure(() =>
      appTester(
        createPerform('send_sms'),
        bundleWith({
          number_type: 'access-numbers',
          sender_number: '+85230001234',
          recipient_numbers: ['+85294667788'],
          text: 'Hi',
        }),
      ),
    );
    scope.done();
    expect(error).toMatchObject({ code: 'CinnoxNotConfirmed' });
    expect(error.message).toContain('CINNOX answered HTTP 200 but with code 400, which is not a success code (0)');
  });

  it('Send IM: a non-zero code still fails as before', async () => {
    const scope = nock(BASE_URL).post(`${API_ROOT}/message-push`).reply(200, { code: 7 });
    const error = await failure(() =>
      appTester(createPerform('send_im_to_room'), bundleWith({ room_id: 'r1', text: 'Hi' })),
    );
    scope.done();
    expect(error.code).toBe('CinnoxMessageNotSent');
  });

  it('the subscription PATCH: HTTP 200 {"code":1, "enabled":true} does not turn the Zap on', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(404, '')
      .patch(`${API_ROOT}/label-event-sub`)
      .reply(200, { code: 1, enabled: true, url: TARGET_URL });
    const error = await failure(() =>
      appTester(hookTrigger('label_created').operation.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL })),
    );
    scope.done();
    expect(error.message).toContain('CINNOX answered HTTP 200 but with code 1');
  });

  it('a read with a failing code is not an empty result', async () => {
    const scope = byNamePage(0).reply(200, { code: 400, message: 'Bad query' });
    const error = await failure(() => findContact());
    scope.done();
    expect(error.message).toContain('CINNOX answered HTTP 200 but with code 400 ("Bad query")');
    expect(error.message).toContain('its answer is not a result');
  });

  it.each([0, 200, '0', null])('code %p is success', async (code) => {
    const scope = nock(BASE_URL)
      .post(`${API_ROOT}/management/create_externalcontact`)
      .reply(200, { code, id: 'c-new' });
    const result = (await appTester(createPerform('create_contact'), bundleWith({ first_name: 'Ann' }))) as {
      id: string;
    };
    scope.done();
    expect(result.id).toBe('c-new');
  });
});

describe('lists that ignore paging stop, de-duplicate and stay bounded', () => {
  const numbers = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      serviceID: 'svc1',
      number: `+8523000${String(from + i).padStart(4, '0')}`,
      type: 'DID',
    }));
  const numbersPage = (type: string, offset: number) =>
    nock(BASE_URL)
      .get(`${API_ROOT}/${type}`)
      .query({ offset: String(offset), limit: '500' });

  it('Get Number List: CINNOX ignoring offset after a full page stops in 2 requests, not 20, and fails rather than return part of the list', async () => {
    const scope = numbersPage('cli', 0)
      .reply(200, { code: 0, result: numbers(0, 500) })
      .get(`${API_ROOT}/cli`)
      .query({ offset: '500', limit: '500' })
      .reply(200, { code: 0, result: numbers(0, 500) });
    const error = await failure(() => appTester(searchPerform('find_numbers'), bundleWith({ number_type: 'cli' })));
    scope.done();
    expect(error).toMatchObject({ code: 'CinnoxPagingIgnored' });
    expect(unmatched.list).toEqual([]);
  });

  it('Get Number List: a page cap of 100 is not the end of the list', async () => {
    const scope = numbersPage('cli', 0)
      .reply(200, numbers(0, 100))
      .get(`${API_ROOT}/cli`)
      .query({ offset: '100', limit: '500' })
      .reply(200, numbers(100, 100))
      .get(`${API_ROOT}/cli`)
      .query({ offset: '200', limit: '500' })
      .reply(200, numbers(200, 7));
    const results = (await appTester(searchPerform('find_numbers'), bundleWith({ number_type: 'cli' }))) as unknown[];
    scope.done();
    expect(results).toHaveLength(207);
  });

  it('Get Number List: duplicates within an answer are listed once', async () => {
    const scope = numbersPage('cli', 0).reply(200, [...numbers(0, 3), ...numbers(1, 2)]);
    const results = (await appTester(searchPerform('find_numbers'), bundleWith({ number_type: 'cli' }))) as unknown[];
    scope.done();
    expect(results).toHaveLength(3);
  });

  it('Get Number List: more than 10,000 numbers is an error, after 20 requests', async () => {
    let scope = numbersPage('cli', 0).reply(200, numbers(0, 500));
    for (let page = 1; page < 20; page += 1)
      scope = scope
        .get(`${API_ROOT}/cli`)
        .query({ offset: String(page * 500), limit: '500' })
        .reply(200, numbers(page * 500, 500));
    const error = await failure(() => appTester(searchPerform('find_numbers'), bundleWith({ number_type: 'cli' })));
    scope.done();
    expect(error).toMatchObject({ code: 'CinnoxTooManyRecords' });
    expect(error.message).toContain('read 10,000 records (20 requests of 500) without reaching the end');
  });

  const senderPage = (page: number) =>
    appTester(
      triggerPerform('sender_number_list'),
      bundleWith({ number_type: 'cli' }, { meta: { page } as Bundle['meta'] }),
    ) as Promise<{ id: string }[]>;

  it('Sender Number drop-down: page 2 of a list that ignores offset is empty (no repeated numbers)', async () => {
    const scope = numbersPage('cli', 0)
      .reply(200, numbers(0, 500))
      .get(`${API_ROOT}/cli`)
      .query({ offset: '500', limit: '500' })
      .reply(200, numbers(0, 500));
    expect(await senderPage(1)).toEqual([]);
    scope.done();
  });

  it('Sender Number drop-down: page 2 after a page cap of 100 starts at the 101st number', async () => {
    const scope = numbersPage('cli', 0)
      .reply(200, numbers(0, 100))
      .get(`${API_ROOT}/cli`)
      .query({ offset: '100', limit: '500' })
      .reply(200, numbers(100, 4));
    expect((await senderPage(1)).map((n) => n.id)).toEqual([
      '+85230000100',
      '+85230000101',
      '+85230000102',
      '+85230000103',
    ]);
    scope.done();
  });

  it('Sender Number drop-down: the first page is one request', async () => {
    const scope = numbersPage('cli', 0).reply(200, numbers(0, 2));
    expect(await senderPage(0)).toHaveLength(2);
    scope.done();
  });
});
