/**
 * Get Enquiry Transcript: the chat it reads (by display case number, or an Enquiry Record ID looked up first), the
 * transcript it outputs, CINNOX's refusals in the words of its fields, and its outcome table.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, APP_TOKEN, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { NO_RECORDS, failsWith, fullPages, list, many, repeatedPage, searchOutcomes } from '../helpers/outcomes';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const runSearch = (key: keyof typeof App.searches, inputData: Record<string, unknown>) =>
  appTester(App.searches![key]!.operation.perform as Perform, bundleWith(inputData));

const CHAT = `${API_ROOT}/data/enquiry-chat`;

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

describe('Zapier field names in refused parameters (6451000)', () => {
  it('get_enquiry_transcript: enquiryID is Enquiry ID or Display Case Number in any other refusal', async () => {
    const scope = nock(BASE_URL).get(CHAT).query(true).reply(400, { message: 'enquiryID is required' });
    const error = await failure(() => runSearch('get_enquiry_transcript', { enquiry_id: '1001' }));
    scope.done();
    expect(error.message).toBe(
      "CINNOX refused the request (HTTP 400): enquiryID is required. In this step's fields: enquiryID is Enquiry ID or Display Case Number.",
    );
  });
});

describe('outcomes of get_enquiry_transcript', () => {
  const CHAT = '/data/enquiry-chat';
  const DETAIL = '/data/enquiry-detail';
  const RECORD_ID = '66b000000000000000000001';
  const message = { createdAt: '2026-11-22T08:15:02Z', fromName: 'Dana Lam', msgText: 'Hello' };
  const transcript = {
    id: '1001',
    enquiry_id: '1001',
    message_count: 1,
    transcript: '2026-11-22T08:15Z Dana Lam: Hello',
    messages: [{ time: '2026-11-22T08:15:02.000Z', from: 'Dana Lam', type: '', text: 'Hello' }],
  };
  const notClosed = (said: string, id = '1001') =>
    failsWith(
      'AppError',
      `CINNOX has no chat log for enquiry ${id}: it gives the chat of closed enquiries only, and this one is not closed (or has no chat) (${said}). Run this step once the enquiry is closed, e.g. in a Zap on Enquiry Closed, and check the Enquiry ID or Display Case Number.`,
      { code: 'EnquiryNotClosed' },
    );
  const otherEnquiry = (i: number) => ({ _id: `o${i}`, displayCaseNumber: `9${i}` });
  describe('by display case number', () => {
    searchOutcomes('get_enquiry_transcript', { enquiry_id: '1001' }, CHAT, [
      ['the chat of a closed enquiry: its transcript', [{ body: list([message]) }], { output: [transcript] }],
      [
        'a chat without a message: an error, never an empty transcript',
        [{ body: list([]) }],
        notClosed('CINNOX answered with no messages'),
      ],
      [
        '6451011 (A28: not closed) at HTTP 400',
        [{ status: 400, body: NO_RECORDS }],
        notClosed('CINNOX code 6451011: No records found'),
      ],
      [
        '6451011 (A28: not closed) at HTTP 200',
        [{ status: 200, body: NO_RECORDS }],
        notClosed('CINNOX code 6451011: No records found'),
      ],
      [
        '6451013 chat logs over the limit',
        [{ status: 400, body: { code: 6451013, message: 'Requested chat logs over the limit' } }],
        failsWith(
          'AppError',
          "CINNOX will not return the chat log of enquiry 1001: it is over CINNOX's chat-log limit (CINNOX code 6451013: Requested chat logs over the limit). Read this enquiry's chat in the CINNOX Dashboard.",
          { code: 'ChatLogOverLimit' },
        ),
      ],
      [
        '6451000 invalid enquiryID',
        [{ status: 400, body: { code: 6451000, message: 'invalid enquiryID' } }],
        failsWith(
          'AppError',
          'CINNOX does not accept "1001" as an enquiry (CINNOX code 6451000: invalid enquiryID). Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.',
          { code: 'CinnoxInvalidParameters' },
        ),
      ],
    ]);
  });

  describe('by Enquiry Record ID (looked up in the report window first)', () => {
    searchOutcomes('get_enquiry_transcript', { enquiry_id: RECORD_ID }, CHAT, [
      [
        'the record in the window: the chat of its display case number',
        [
          { path: DETAIL, body: list([otherEnquiry(1), { _id: RECORD_ID, displayCaseNumber: '1001' }]) },
          { body: list([message]) },
        ],
        { output: [transcript] },
      ],
      [
        'the record on the second page of the window: found there',
        [
          { path: DETAIL, body: list(many(0, 500, otherEnquiry)) },
          { path: DETAIL, body: list([{ _id: RECORD_ID, displayCaseNumber: '1001' }]) },
          { body: list([message]) },
        ],
        { output: [transcript] },
      ],
      [
        'no enquiry of the window has it, and CINNOX refuses it as an enquiry ID: says so',
        [
          { path: DETAIL, body: list([otherEnquiry(1)]) },
          { status: 400, body: { code: 6451000, message: 'invalid enquiryID' } },
        ],
        failsWith(
          'AppError',
          `CINNOX does not accept "${RECORD_ID}" as an enquiry (CINNOX code 6451000: invalid enquiryID). It looks like an Enquiry Record ID, but no enquiry of the last 7 days has it. Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.`,
          { code: 'CinnoxInvalidParameters' },
        ),
      ],
      [
        '4 full pages of the window without it: an error, never "no such enquiry"',
        fullPages(4, otherEnquiry).map((reply) => ({ ...reply, path: DETAIL })),
        failsWith(
          'AppError',
          `The Enquiry Record ID "${RECORD_ID}" was looked up among CINNOX's enquiries of the last 7 days: 2,000 read (4 requests of 500) without finding it or reaching the end of the list, so the app cannot tell whether it exists. Map the Display Case Number instead: it needs no look-up.`,
          { code: 'CinnoxTooManyCandidates' },
        ),
      ],
      [
        'offset ignored in the window: an error, never "no such enquiry"',
        repeatedPage(otherEnquiry).map((reply) => ({ ...reply, path: DETAIL })),
        failsWith(
          'AppError',
          `The Enquiry Record ID "${RECORD_ID}" was looked up among CINNOX's enquiries of the last 7 days, but CINNOX answered the request for enquiries 501 onwards with enquiries it had already sent (it may be ignoring offset), so the app cannot tell whether it exists. Map the Display Case Number instead: it needs no look-up.`,
          { code: 'CinnoxPagingIgnored' },
        ),
      ],
    ]);
  });
});
