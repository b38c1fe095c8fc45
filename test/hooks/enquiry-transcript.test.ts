/**
 * Enquiry Closed's transcript without an API call per event: perform dehydrates (a pointer to the
 * enquiryTranscript hydrator, by case number and record id); the hydrator reads the chat (§2.2) exactly as Get
 * Enquiry Transcript does, and words CINNOX's final refusals about the enquiry as a reason instead of failing; a
 * chat CINNOX does not give yet (not closed) is retried later.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as ev from '../fixtures/hook-events';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, clearZapierCache, failure } from '../helpers/app';
import { hookTrigger, transcriptPointer } from '../helpers/hooks';
import { searchPerform, watchUnmatched } from '../helpers/ops';

type Item = Record<string, unknown>;
type Hydrator = (z: ZObject, bundle: Bundle) => Promise<unknown>;

const CHAT = `${API_ROOT}/data/enquiry-chat`;
const ENQUIRY_DETAIL = `${API_ROOT}/data/enquiry-detail`;
const RECORD_ID = '66b000000000000000000001';
const unmatched = watchUnmatched();

/** Every request CINNOX received in this test (each interceptor counts the requests it answers). */
let requests: string[] = [];
beforeEach(() => {
  requests = [];
});
const counted = (scope: nock.Scope): nock.Scope =>
  scope.on('request', (req: { method: string; path: string }) => requests.push(`${req.method} ${req.path}`));

/** perform of `key` on one delivery: its items (the pointer is made without a request). */
const delivered = async (key: string, body: unknown): Promise<Item[]> =>
  (await appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never))) as Item[];

/** Resolves a dehydration pointer as Zapier does: the named hydrator, run with the pointer's bundle as inputData. */
async function resolve(pointer: unknown): Promise<unknown> {
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/.exec(String(pointer));
  if (!match) throw new Error(`not a dehydration pointer: ${String(pointer)}`);
  const { method, bundle } = JSON.parse(match[1]!) as { method: string; bundle: Item };
  const name = method.replace(/^hydrators\./, '');
  const hydrator = (App.hydrators as Record<string, Hydrator>)[name];
  if (!hydrator) throw new Error(`no hydrator ${name}`);
  return appTester(hydrator, bundleWith(bundle));
}

/** The chat answer of a closed enquiry: unsorted, one message without a name, one file. */
const CHAT_RECORDS = [
  {
    createdAt: '2026-11-22T08:16:40Z',
    fromEID: 's1',
    fromName: 'Ann Lee',
    msgContentType: 'TYPE_TEXT',
    msgText: 'Sorry to hear that: let me check.',
  },
  {
    fromEID: 'v1',
    content: {
      ts: Date.parse('2026-11-22T08:15:02Z'),
      from: { eid: 'v1', name: 'Dana Lam' },
      msg: { text: 'Hi', type: 1 },
    },
  },
  { createdAt: '2026-11-22T08:17:00Z', fromEID: 'v1', content: { msg: { type: 2 } } },
];

const chatAnswers = (enquiryID: string, status: number, body: nock.Body) =>
  counted(nock(BASE_URL).get(CHAT).query({ enquiryID }).reply(status, body));

describe('Enquiry Closed: the item', () => {
  it('carries a pointer to the enquiryTranscript hydrator, by case number and record id, with no request', async () => {
    const items = await delivered('enquiry_closed', ev.enquiryOpenApi('Closed'));
    expect(items).toHaveLength(1);
    expect(items[0]!.transcript).toBe(transcriptPointer('EQ-000123', 'enq-1'));
    expect(unmatched.list).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('declares the transcript fields, and its sample carries a full transcript', () => {
    const op = hookTrigger('enquiry_closed').operation;
    expect(op.outputFields.filter((f) => f.key.startsWith('transcript'))).toEqual([
      { key: 'transcript', label: 'Transcript' },
      { key: 'transcript__text', label: 'Transcript: Text (plain text, times in UTC)' },
      { key: 'transcript__messageCount', label: 'Transcript: Number of Messages', type: 'integer' },
      { key: 'transcript__reason', label: 'Transcript: Why There Is None' },
      { key: 'transcriptFile', label: 'Transcript File (.txt)', type: 'file' },
    ]);
    expect(op.sample.transcript).toEqual({
      text: '2026-11-22T08:15Z Dana Lam: Hello, my order has not arrived.\n2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.',
      messageCount: 2,
      reason: '',
    });
    expect(hookTrigger('enquiry_event').operation.sample.transcript).toEqual(op.sample.transcript);
  });

  it('the other enquiry triggers do not carry it', async () => {
    for (const [key, status] of [
      ['enquiry_opened', 'Opened'],
      ['enquiry_handling', 'Handling'],
      ['enquiry_missed', 'Missed'],
    ] as const) {
      const [item] = await delivered(key, ev.enquiryOpenApi(status));
      expect([key, 'transcript' in item!]).toEqual([key, false]);
      expect(hookTrigger(key).operation.outputFields.some((f) => f.key.startsWith('transcript'))).toBe(false);
    }
  });
});

describe('resolving the pointer', () => {
  it("gives exactly Get Enquiry Transcript's transcript and message count for the same chat, in 1 request", async () => {
    const [item] = await delivered('enquiry_closed', ev.enquiryOpenApi('Closed'));

    chatAnswers('EQ-000123', 200, { code: 0, result: CHAT_RECORDS });
    const [found] = (await appTester(
      searchPerform('get_enquiry_transcript'),
      bundleWith({ enquiry_id: 'EQ-000123' }),
    )) as Item[];
    expect(requests).toHaveLength(1);

    // A later Zap run: Zapier's cache no longer holds the search's read.
    clearZapierCache();
    requests = [];
    chatAnswers('EQ-000123', 200, { code: 0, result: CHAT_RECORDS });
    const transcript = await resolve(item!.transcript);
    expect(requests).toEqual([`GET ${CHAT}?enquiryID=EQ-000123`]);
    expect(transcript).toEqual({ text: found!.transcript, messageCount: found!.message_count, reason: '' });
    expect(transcript).toEqual({
      text: '2026-11-22T08:15Z Dana Lam: Hi\n2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.\n2026-11-22T08:17Z v1: [file]',
      messageCount: 3,
      reason: '',
    });
    expect(unmatched.list).toEqual([]);
  });

  it.each([
    ['HTTP 400', 400],
    ['HTTP 200', 200],
  ])(
    'a closed enquiry CINNOX calls not closed (6451011, %s): not ready yet, Zapier retries in about a minute, never an empty transcript',
    async (_what, status) => {
      chatAnswers('EQ-000123', status, { code: 6451011, message: 'No records found' });
      const error = await failure(() => resolve(transcriptPointer('EQ-000123', 'enq-1')));
      expect(error.name).toBe('ThrottledError');
      expect(error.delay).toBeGreaterThanOrEqual(60);
      expect(error.delay).toBeLessThanOrEqual(72);
      expect(error.message).toBe(
        `The transcript of enquiry EQ-000123 is not ready yet: CINNOX gives the chat of closed enquiries only and answered that this one is not closed (CINNOX code 6451011: No records found), although its event says it was closed. Zapier will retry in ${error.delay} seconds. If the enquiry was reopened since, its transcript comes once it is closed again.`,
      );
      expect(requests).toHaveLength(1);
    },
  );

  it.each([
    [
      "over CINNOX's chat-log limit (6451013)",
      { code: 6451013, message: 'Requested chat logs over the limit' },
      "No transcript: the chat of enquiry EQ-000123 is over CINNOX's chat-log limit, so CINNOX will not return it (CINNOX code 6451013: Requested chat logs over the limit). Read it in the CINNOX Dashboard.",
    ],
    [
      'not accepted (6451000)',
      { code: 6451000, message: 'invalid enquiryID' },
      'No transcript: CINNOX does not accept "EQ-000123" as an enquiry (CINNOX code 6451000: invalid enquiryID).',
    ],
  ])('an enquiry CINNOX gives no chat for, %s: empty text, count 0, and why', async (_what, body, reason) => {
    chatAnswers('EQ-000123', 400, body);
    await expect(resolve(transcriptPointer('EQ-000123', 'enq-1'))).resolves.toEqual({
      text: '',
      messageCount: 0,
      reason,
    });
    expect(requests).toHaveLength(1);
  });

  it('an invalid token still fails (it is not about this enquiry)', async () => {
    chatAnswers('EQ-000123', 400, { code: 6452000, message: 'Invalid token' });
    const error = await failure(() => resolve(transcriptPointer('EQ-000123', 'enq-1')));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('CINNOX code 6452000: Invalid token');
  });

  it('an HTTP 401 still fails', async () => {
    chatAnswers('EQ-000123', 401, 'Unauthorized');
    const error = await failure(() => resolve(transcriptPointer('EQ-000123', 'enq-1')));
    expect(error.name).toBe('ExpiredAuthError');
  });
});

describe('Enquiry Status Changed', () => {
  it("carries the pointer for a closed enquiry, '' for any other status", async () => {
    const items = await delivered(
      'enquiry_event',
      ['Opened', 'Handling', 'Closed', 'Missed'].map((s) => ev.enquiryOpenApi(s)),
    );
    expect(items.map((i) => [i.status, i.transcript])).toEqual([
      ['Opened', ''],
      ['Handling', ''],
      ['Closed', transcriptPointer('EQ-000123', 'enq-1')],
      ['Missed', ''],
    ]);
    expect(requests).toEqual([]);
  });
});

describe('an event without a case number', () => {
  const { displayCaseNumber: _none, ...withoutCaseNumber } = { ...ev.enquiryOpenApi('Closed'), eid: RECORD_ID };

  it('points by record id; resolving looks the enquiry up, then reads its chat by case number (2 requests)', async () => {
    const [item] = await delivered('enquiry_closed', withoutCaseNumber);
    expect(item!.transcript).toBe(transcriptPointer('', RECORD_ID));
    counted(
      nock(BASE_URL)
        .get(ENQUIRY_DETAIL)
        .query((q) => q.offset === '0' && q.limit === '500' && Boolean(q.startAt) && Boolean(q.endAt))
        .reply(200, {
          code: 0,
          result: [
            { _id: 'other', displayCaseNumber: '1' },
            { _id: RECORD_ID, displayCaseNumber: '100245' },
          ],
        }),
    );
    chatAnswers('100245', 200, { code: 0, result: CHAT_RECORDS.slice(0, 1) });
    await expect(resolve(item!.transcript)).resolves.toEqual({
      text: '2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.',
      messageCount: 1,
      reason: '',
    });
    expect(requests).toHaveLength(2);
  });

  it('a record id no recent enquiry has is tried as it is, and the reason says so', async () => {
    counted(nock(BASE_URL).get(ENQUIRY_DETAIL).query(true).reply(200, { code: 0, result: [] }));
    chatAnswers(RECORD_ID, 400, { code: 6451000, message: 'invalid enquiryID' });
    await expect(resolve(transcriptPointer('', RECORD_ID))).resolves.toEqual({
      text: '',
      messageCount: 0,
      reason: `No transcript: CINNOX does not accept "${RECORD_ID}" as an enquiry (CINNOX code 6451000: invalid enquiryID). The event gave only its Enquiry Record ID, and no enquiry of the last 7 days has it.`,
    });
    expect(requests).toHaveLength(2);
  });

  it('an event with neither makes no pointer', async () => {
    const { eid: _eid, ...bare } = withoutCaseNumber;
    const [item] = await delivered('enquiry_closed', bare);
    expect(item!.transcript).toBe('');
  });
});
