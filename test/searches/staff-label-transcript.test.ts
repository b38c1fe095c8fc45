import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, APP_TOKEN, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const runSearch = (key: keyof typeof App.searches, inputData: Record<string, unknown>) =>
  appTester(App.searches![key]!.operation.perform as Perform, bundleWith(inputData));
const runTrigger = (key: 'label_list' | 'otp_sender_list', inputData: Record<string, unknown>, page = 0) =>
  appTester(
    (App.triggers[key].operation as unknown as { perform: Perform }).perform,
    bundleWith(inputData, { meta: { page } } as Partial<Bundle>),
  );

const STAFF = `${API_ROOT}/contacts/staffcontact-list`;
const LABELS = `${API_ROOT}/labels`;
const CHAT = `${API_ROOT}/data/enquiry-chat`;

const staff = (id: string, firstName: string, lastName: string) => ({
  id,
  firstName,
  lastName,
  displayName: `${firstName} ${lastName}`,
  email: `${firstName.toLowerCase()}@example.com`,
  phone: 85230001001,
  status: 'Activated',
  role: 'Agent',
  jobTitle: 'Agent',
  extensionNumber: 1001,
  timezone: 'Asia/Hong_Kong',
});

describe('find_staff', () => {
  it('asks CINNOX by fullName (one page, with the token) and keeps exact matches, case and spacing aside', async () => {
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '0', limit: '500' })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, {
        code: 0,
        result: [staff('s1', 'Ann', 'Lee'), staff('s2', 'Ann', 'Leeson'), staff('s3', 'ann', 'LEE')],
      });
    const result = await runSearch('find_staff', { full_name: '  Ann   Lee ' });
    scope.done();
    expect(result.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(result[0]).toEqual({
      id: 's1',
      firstName: 'Ann',
      lastName: 'Lee',
      displayName: 'Ann Lee',
      email: 'ann@example.com',
      phone: '+85230001001',
      status: 'Activated',
      role: 'Agent',
      jobTitle: 'Agent',
      extensionNumber: '1001',
      timezone: 'Asia/Hong_Kong',
    });
  });

  it('reads every page until a short one', async () => {
    const others = Array.from({ length: 500 }, (_, i) => staff(`x${i}`, 'Ann', `Leeson${i}`));
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '0', limit: '500' })
      .reply(200, { code: 0, result: others })
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, { code: 0, result: [staff('s1', 'Ann', 'Lee')] });
    const result = await runSearch('find_staff', { full_name: 'Ann Lee' });
    scope.done();
    expect(result.map((s) => s.id)).toEqual(['s1']);
  });

  it('past 4 full pages (2,000 candidates) without an exact match: "too many candidates", never "none"', async () => {
    const scope = nock(BASE_URL);
    for (let offset = 0; offset < 2000; offset += 500)
      scope
        .get(STAFF)
        .query({ fullName: 'Ann', offset: String(offset), limit: '500' })
        .reply(200, {
          code: 0,
          result: Array.from({ length: 500 }, (_, i) => staff(`x${offset + i}`, 'Ann', `L${i}`)),
        });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann' }));
    scope.done();
    expect(error.code).toBe('CinnoxTooManyCandidates');
    expect(error.message).toBe(
      'Find Staff Member read 2,000 candidates for Full Name "Ann" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter, so the app cannot tell whether "Ann" exists and does not answer "no match". Report this to the app\'s developers.',
    );
  });

  it('a page cap of 50 reaches the bound with the count actually read (200), not 2,000', async () => {
    const scope = nock(BASE_URL);
    for (let offset = 0; offset < 200; offset += 50)
      scope
        .get(STAFF)
        .query({ fullName: 'Ann Lee', offset: String(offset), limit: '500' })
        .reply(200, {
          code: 0,
          result: Array.from({ length: 50 }, (_, i) => staff(`s${offset + i}`, 'Ann', `Lee${offset + i}`)),
        });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann Lee' }));
    scope.done();
    expect(error.code).toBe('CinnoxTooManyCandidates');
    expect(error.message).toBe(
      'Find Staff Member read 200 candidates for Full Name "Ann Lee" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter, so the app cannot tell whether "Ann Lee" exists and does not answer "no match". Report this to the app\'s developers.',
    );
  });

  it('CINNOX ignoring offset (the same full page again) without an exact match: paging ignored, never "none"', async () => {
    const page = Array.from({ length: 500 }, (_, i) => staff(`s${i}`, 'Ann', `Lee${i}`));
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '0', limit: '500' })
      .reply(200, { code: 0, result: page })
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, { code: 0, result: page });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann Lee' }));
    scope.done();
    expect(error.code).toBe('CinnoxPagingIgnored');
    expect(error.message).toBe(
      'Find Staff Member could not read every candidate for Full Name "Ann Lee": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter. The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.',
    );
  });

  it('finds nothing on "No records found" (6451011)', async () => {
    const scope = nock(BASE_URL).get(STAFF).query(true).reply(400, { code: 6451011, message: 'No records found' });
    expect(await runSearch('find_staff', { full_name: 'Nobody Here' })).toEqual([]);
    scope.done();
  });

  it('refuses an empty Full Name before any request', async () => {
    const error = await failure(() => runSearch('find_staff', { full_name: ' ' }));
    expect(error.message).toBe('Nothing was sent to CINNOX. Full Name is required.');
  });

  it('is the search of the Staff ID field of Send IM to Staff', () => {
    const fields = App.creates!.send_im_to_staff!.operation.inputFields as { key: string; search?: string }[];
    expect(fields.find((f) => f.key === 'staff_id')?.search).toBe('find_staff.id');
  });
});

describe('Zapier field names in refused parameters (6451000)', () => {
  it('find_staff: fullName is Full Name', async () => {
    const scope = nock(BASE_URL).get(STAFF).query(true).reply(400, { code: 6451000, message: 'invalid fullName' });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann Lee' }));
    scope.done();
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid fullName) In this step's fields: fullName is Full Name.`,
    );
  });

  it('find_label: name is Label Name', async () => {
    const scope = nock(BASE_URL).get(LABELS).query(true).reply(400, { code: 6451000, message: 'invalid name' });
    const error = await failure(() => runSearch('find_label', { name: 'VIP' }));
    scope.done();
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid name) In this step's fields: name is Label Name.`,
    );
  });

  it('get_enquiry_transcript: enquiryID is Enquiry ID or Display Case Number in any other refusal', async () => {
    const scope = nock(BASE_URL).get(CHAT).query(true).reply(400, { message: 'enquiryID is required' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1001' }));
    scope.done();
    expect(error.message).toBe(
      "CINNOX refused the request (HTTP 400): enquiryID is required. In this step's fields: enquiryID is Enquiry ID or Display Case Number.",
    );
  });
});

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

describe('get_enquiry_transcript', () => {
  const records = [
    {
      createdAt: '2026-11-22T08:16:40Z',
      fromEID: 's1',
      fromName: 'Ann Lee',
      msgContentType: 'TYPE_TEXT',
      msgEventType: 'TYPE_MESSAGE',
      msgText: 'Sorry to hear that: let me check.',
    },
    {
      fromEID: 'v1',
      content: {
        ts: Date.parse('2026-11-22T08:15:02Z'),
        from: { eid: 'v1', name: 'Dana Lam' },
        msg: { text: 'Hello, my order has not arrived.', type: 1 },
      },
    },
    { createdAt: '2026-11-22T08:17:00Z', fromEID: 'v1', content: { msg: { type: 2 } } },
  ];

  it('GETs /data/enquiry-chat?enquiryID= and returns the messages oldest first plus a plain-text transcript', async () => {
    const scope = nock(BASE_URL)
      .get(CHAT)
      .query({ enquiryID: '100245' })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, { code: 0, result: records });
    const result = await runSearch('get_enquiry_transcript', { enquiry_id: '100245' });
    scope.done();
    expect(result).toEqual([
      {
        id: '100245',
        enquiry_id: '100245',
        message_count: 3,
        transcript:
          '2026-11-22T08:15Z Dana Lam: Hello, my order has not arrived.\n2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.\n2026-11-22T08:17Z v1: [file]',
        messages: [
          {
            time: '2026-11-22T08:15:02.000Z',
            from: 'Dana Lam',
            type: 'text',
            text: 'Hello, my order has not arrived.',
          },
          {
            time: '2026-11-22T08:16:40.000Z',
            from: 'Ann Lee',
            type: 'text',
            text: 'Sorry to hear that: let me check.',
          },
          { time: '2026-11-22T08:17:00.000Z', from: 'v1', type: 'file', text: '[file]' },
        ],
        // The same text as a .txt file, from this read (test/hooks/transcript-file.test.ts).
        transcript_file: expect.stringMatching(
          /^hydrate\|\|\|\{"type":"file","method":"hydrators\.transcriptTextFile"/,
        ),
      },
    ]);
  });

  it('says an enquiry that is not closed has no chat log yet (A28: 6451011)', async () => {
    const scope = nock(BASE_URL)
      .get(CHAT)
      .query({ enquiryID: '1002' })
      .reply(400, { code: 6451011, message: 'No records found' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1002' }));
    scope.done();
    expect(error.code).toBe('EnquiryNotClosed');
    expect(error.message).toBe(
      'CINNOX has no chat log for enquiry 1002: it gives the chat of closed enquiries only, and this one is not closed (or has no chat) (CINNOX code 6451011: No records found). Run this step once the enquiry is closed, e.g. in a Zap on Enquiry Closed, and check the Enquiry ID or Display Case Number.',
    );
  });

  it("says a chat over CINNOX's chat-log limit (6451013) cannot be read", async () => {
    const scope = nock(BASE_URL)
      .get(CHAT)
      .query(true)
      .reply(400, { code: 6451013, message: 'Requested chat logs over the limit' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1001' }));
    scope.done();
    expect(error.code).toBe('ChatLogOverLimit');
    expect(error.message).toBe(
      "CINNOX will not return the chat log of enquiry 1001: it is over CINNOX's chat-log limit (CINNOX code 6451013: Requested chat logs over the limit). Read this enquiry's chat in the CINNOX Dashboard.",
    );
  });

  it('says which ids to map when CINNOX does not accept the id (6451000 invalid enquiryID)', async () => {
    const scope = nock(BASE_URL).get(CHAT).query(true).reply(400, { code: 6451000, message: 'invalid enquiryID' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: 'nope' }));
    scope.done();
    expect(error.message).toBe(
      'CINNOX does not accept "nope" as an enquiry (CINNOX code 6451000: invalid enquiryID). Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.',
    );
  });

  it('refuses an HTTP 200 whose code is not a success code (CinnoxNotConfirmed), never an empty transcript', async () => {
    const scope = nock(BASE_URL).get(CHAT).query(true).reply(200, { code: 400, message: 'Bad request' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1001' }));
    scope.done();
    expect(error.code).toBe('CinnoxNotConfirmed');
    expect(error.message).toBe(
      'CINNOX answered HTTP 200 but with code 400 ("Bad request"), which is not a success code (0), so this step failed: its answer is not a result. Check the fields of this step; if it keeps failing, report this to the app\'s developers.',
    );
  });

  it('still reads its documented codes in an HTTP 200 answer (6451011: not closed)', async () => {
    const scope = nock(BASE_URL).get(CHAT).query(true).reply(200, { code: 6451011, message: 'No records found' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1002' }));
    scope.done();
    expect(error.code).toBe('EnquiryNotClosed');
  });

  it('reads an HTTP 200 with code 200 as a success', async () => {
    const scope = nock(BASE_URL)
      .get(CHAT)
      .query(true)
      .reply(200, { code: 200, result: [records[0]] });
    const [result] = await runSearch('get_enquiry_transcript', { enquiry_id: '1001' });
    scope.done();
    expect(result).toMatchObject({
      enquiry_id: '1001',
      message_count: 1,
      transcript: '2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.',
    });
  });

  it('maps other CINNOX errors as every step does (an expired token)', async () => {
    const scope = nock(BASE_URL).get(CHAT).query(true).reply(400, { code: 6452000, message: 'Invalid token' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1001' }));
    scope.done();
    expect(error.name).toBe('ExpiredAuthError');
  });

  it('refuses an empty Enquiry ID before any request', async () => {
    const error = await failure(() => runSearch('get_enquiry_transcript', {}));
    expect(error.message).toBe('Nothing was sent to CINNOX. Enquiry ID or Display Case Number is required.');
  });
});

describe('the Sender ID and Labels drop-downs', () => {
  it('label_list: page 0 is one request of 500; options only for labels with an id', async () => {
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ offset: '0', limit: '500' })
      .reply(200, { code: 0, labelList: [{ id: 'L1', name: 'VIP', colorName: 'red' }, { name: 'no id' }] });
    expect(await runTrigger('label_list', {}, 0)).toEqual([{ id: 'L1', name: 'VIP', colorName: 'red' }]);
    scope.done();
  });

  it('label_list: under a page cap of 50, page 1 is labels 50-99 (re-reading page 0), none skipped', async () => {
    const page = (from: number) => ({
      code: 0,
      labelList: Array.from({ length: 50 }, (_, i) => ({ id: `l${from + i}`, name: `x${from + i}` })),
    });
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ offset: '0', limit: '500' })
      .reply(200, page(0))
      .get(LABELS)
      .query({ offset: '50', limit: '500' })
      .reply(200, page(50));
    const options = await runTrigger('label_list', {}, 1);
    scope.done();
    expect(options.map((o) => o.id)).toEqual(Array.from({ length: 50 }, (_, i) => `l${50 + i}`));
  });

  it('label_list: CINNOX ignoring offset (page 0 again) gives an empty page 1, never the same labels twice', async () => {
    const full = { code: 0, labelList: Array.from({ length: 500 }, (_, i) => ({ id: `l${i}`, name: `x${i}` })) };
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ offset: '0', limit: '500' })
      .reply(200, full)
      .get(LABELS)
      .query({ offset: '500', limit: '500' })
      .reply(200, full);
    expect(await runTrigger('label_list', {}, 1)).toEqual([]);
    scope.done();
  });

  it('otp_sender_list: the Alphanumeric sender IDs (A4 sms-numbers)', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/sms-numbers`)
      .query({ offset: '0', limit: '500' })
      .reply(200, {
        code: 0,
        result: [{ Number: 'CINNOX', type: 'ALPHANUMERIC', country: ['HK'], ServiceID: 'svc', supportSMS: true }],
      });
    expect(await runTrigger('otp_sender_list', {})).toEqual([
      {
        id: 'CINNOX',
        label: 'CINNOX (HK, ALPHANUMERIC)',
        number: 'CINNOX',
        number_type: 'Alphanumeric',
        type: 'ALPHANUMERIC',
        country: 'HK',
        ServiceID: 'svc',
      },
    ]);
    scope.done();
  });
});
