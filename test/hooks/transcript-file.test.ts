/**
 * The Transcript File: Enquiry Closed (and Enquiry Status Changed on Closed) carry a file pointer made with no
 * request; resolving it reads the chat once (the same read as the Transcript, shared through Zapier's cache) and
 * stashes a .txt file named after the case number: a header, then the Transcript's text, or why there is none.
 * Get Enquiry Transcript's file comes from the chat it read, with no request when resolved.
 */
import nock from 'nock';
import * as ev from '../fixtures/hook-events';
import { API_ROOT, BASE_URL, appTester, bundleWith, clearZapierCache } from '../helpers/app';
import { fileStore } from '../helpers/file-store';
import { hookTrigger, resolvePointer } from '../helpers/hooks';
import { searchPerform, watchUnmatched } from '../helpers/ops';

type Item = Record<string, unknown>;

const CHAT = `${API_ROOT}/data/enquiry-chat`;
const unmatched = watchUnmatched();

let requests: string[] = [];
beforeEach(() => {
  requests = [];
});
const chatAnswers = (enquiryID: string, status: number, body: nock.Body) =>
  nock(BASE_URL)
    .get(CHAT)
    .query({ enquiryID })
    .reply(status, body)
    .on('request', (req: { method: string; path: string }) => requests.push(`${req.method} ${req.path}`));

const delivered = async (key: string, body: unknown): Promise<Item[]> =>
  (await appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never))) as Item[];

/** Zapier's pointer to a file hydrator, as core 19's z.dehydrateFile writes it. */
const filePointer = (method: string, bundle: Item): string =>
  `hydrate|||${JSON.stringify({ type: 'file', method: `hydrators.${method}`, bundle })}|||hydrate`;

const CHAT_RECORDS = [
  { createdAt: '2026-11-22T08:16:40Z', fromName: 'Ann Lee', msgText: 'Sorry to hear that: let me check.' },
  { createdAt: '2026-11-22T08:15:02Z', fromName: 'Dana Lam', msgText: 'Hello, my order has not arrived.' },
];
const TRANSCRIPT =
  '2026-11-22T08:15Z Dana Lam: Hello, my order has not arrived.\n2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.';

/** What ev.enquiryOpenApi('Closed') names: its case number, record id, channel and date (in UTC). */
const CLOSED_HEADER = [
  'CINNOX enquiry transcript (times in UTC)',
  'Display Case Number: EQ-000123',
  'Enquiry Record ID: enq-1',
  'Channel: WHATSAPP',
  'Closed: 2024-05-31T08:15:00.000Z',
];

let store: ReturnType<typeof fileStore> | undefined;
afterEach(() => {
  store?.restore();
  store = undefined;
});

describe('Enquiry Closed: the Transcript File', () => {
  it('is a file pointer to enquiryTranscriptFile, made with no request, declared as a file', async () => {
    const [item] = await delivered('enquiry_closed', ev.enquiryOpenApi('Closed'));
    expect(item!.transcriptFile).toBe(
      filePointer('enquiryTranscriptFile', {
        displayCaseNumber: 'EQ-000123',
        enquiryID: 'enq-1',
        channel: 'WHATSAPP',
        date: '2024-05-31T08:15:00.000Z',
      }),
    );
    expect(requests).toEqual([]);
    expect(unmatched.list).toEqual([]);
    const op = hookTrigger('enquiry_closed').operation;
    expect(op.outputFields).toContainEqual({ key: 'transcriptFile', label: 'Transcript File (.txt)', type: 'file' });
    expect(op.sample.transcriptFile).toMatch(/^https:\/\//);
  });

  it('resolves, with one chat read, to a .txt file named after the case number: the header, then the transcript', async () => {
    const [item] = await delivered('enquiry_closed', ev.enquiryOpenApi('Closed'));
    store = fileStore();
    chatAnswers('EQ-000123', 200, { code: 0, result: CHAT_RECORDS });
    await expect(resolvePointer(item!.transcriptFile)).resolves.toBe('https://files.zapier.test/stash/1');
    expect(requests).toEqual([`GET ${CHAT}?enquiryID=EQ-000123`]);
    expect(store.files).toEqual([
      {
        url: 'https://files.zapier.test/stash/1',
        name: 'enquiry-EQ-000123.txt',
        type: 'text/plain; charset=utf-8',
        text: [...CLOSED_HEADER, 'Messages: 2', '', TRANSCRIPT, ''].join('\n'),
      },
    ]);
  });

  it("shares the Transcript's read: the text, then the file, in one Zap run is one request", async () => {
    const [item] = await delivered('enquiry_closed', ev.enquiryOpenApi('Closed'));
    store = fileStore();
    chatAnswers('EQ-000123', 200, { code: 0, result: CHAT_RECORDS });
    const transcript = (await resolvePointer(item!.transcript)) as { text: string };
    await resolvePointer(item!.transcriptFile);
    expect(requests).toHaveLength(1);
    expect(store.files[0]!.text).toContain(`\n\n${transcript.text}\n`);
  });

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
  ])('an enquiry CINNOX gives no chat for, %s: a file that says why, not a failed step', async (_what, body, why) => {
    const [item] = await delivered('enquiry_closed', ev.enquiryOpenApi('Closed'));
    store = fileStore();
    chatAnswers('EQ-000123', 400, body);
    await resolvePointer(item!.transcriptFile);
    expect(store.files[0]!.text).toBe([...CLOSED_HEADER, 'Messages: 0', '', why, ''].join('\n'));
  });

  it('an event with only its record id (no case number): the file is named after the id, kept to safe characters', async () => {
    const { displayCaseNumber: _none, ...event } = ev.enquiryOpenApi('Closed');
    const [item] = await delivered('enquiry_closed', { ...event, eid: 'enq/1' });
    store = fileStore();
    chatAnswers('enq/1', 400, { code: 6451000, message: 'invalid enquiryID' });
    await resolvePointer(item!.transcriptFile);
    expect(store.files[0]!.name).toBe('enquiry-enq_1.txt');
  });
});

describe('Enquiry Status Changed', () => {
  it("carries the file pointer for a closed enquiry, '' for any other status", async () => {
    const items = await delivered(
      'enquiry_event',
      ['Opened', 'Closed'].map((s) => ev.enquiryOpenApi(s)),
    );
    expect(items.map((i) => [i.status, String(i.transcriptFile).slice(0, 14)])).toEqual([
      ['Opened', ''],
      ['Closed', 'hydrate|||{"ty'],
    ]);
    expect(requests).toEqual([]);
  });

  it('the other enquiry triggers do not output it', async () => {
    const [item] = await delivered('enquiry_missed', ev.enquiryOpenApi('Missed'));
    expect('transcriptFile' in item!).toBe(false);
  });
});

describe('Get Enquiry Transcript: the Transcript File', () => {
  const search = (enquiry_id: string) =>
    appTester(searchPerform('get_enquiry_transcript'), bundleWith({ enquiry_id })) as Promise<Item[]>;

  it('carries the text it read: resolving it makes no request, and the header names the enquiry and the times', async () => {
    chatAnswers('100245', 200, { code: 0, result: CHAT_RECORDS });
    const [found] = await search('100245');
    expect(found!.transcript_file).toMatch(/^hydrate\|\|\|\{"type":"file","method":"hydrators\.transcriptTextFile"/);
    requests = [];
    store = fileStore();
    await resolvePointer(found!.transcript_file);
    expect(requests).toEqual([]);
    expect(store.files).toEqual([
      expect.objectContaining({
        name: 'enquiry-100245.txt',
        type: 'text/plain; charset=utf-8',
        text: [
          'CINNOX enquiry transcript (times in UTC)',
          'Enquiry ID or Display Case Number: 100245',
          'First message: 2026-11-22T08:15:02.000Z',
          'Last message: 2026-11-22T08:16:40.000Z',
          'Messages: 2',
          '',
          found!.transcript,
          '',
        ].join('\n'),
      }),
    ]);
  });

  it("a transcript too long to ride in the pointer is read again when used: from Zapier's cache, else CINNOX", async () => {
    const long = Array.from({ length: 200 }, (_, i) => ({
      createdAt: `2026-11-22T08:${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      fromName: 'Dana Lam',
      msgText: `Message ${i}: ${'x'.repeat(40)}`,
    }));
    chatAnswers('100245', 200, { code: 0, result: long });
    const [found] = await search('100245');
    expect(found!.transcript_file).toMatch(/^hydrate\|\|\|\{"type":"file","method":"hydrators\.enquiryTranscriptFile"/);
    store = fileStore(2);
    await resolvePointer(found!.transcript_file);
    expect(requests).toHaveLength(1);
    clearZapierCache();
    chatAnswers('100245', 200, { code: 0, result: long });
    await resolvePointer(found!.transcript_file);
    expect(requests).toHaveLength(2);
    const [first, second] = store.files;
    expect(second!.text).toBe(first!.text);
    expect(first!.text).toMatch(
      /^CINNOX enquiry transcript \(times in UTC\)\nEnquiry ID or Display Case Number: 100245\n/,
    );
    expect(first!.text).toContain(`Messages: 200\n\n${String(found!.transcript)}\n`);
  });

  it("a transcript whose escapes would take the pointer past core's 12,000 characters points at the chat read instead", async () => {
    // 6,000 characters of quotes: 12,000 once JSON escapes them.
    const quotes = Array.from({ length: 60 }, (_, i) => ({
      createdAt: `2026-11-22T08:${String(10 + i).padStart(2, '0')}:00Z`,
      fromName: 'Dana Lam',
      msgText: '"'.repeat(100),
    }));
    chatAnswers('100245', 200, { code: 0, result: quotes });
    const [found] = await search('100245');
    expect(found!.transcript_file).toMatch(/^hydrate\|\|\|\{"type":"file","method":"hydrators\.enquiryTranscriptFile"/);
  });

  it('declares the file among its output fields, with a sample', async () => {
    const { App } = await import('../helpers/app');
    const op = (App.searches as unknown as Record<string, { operation: { outputFields: Item[]; sample: Item } }>)
      .get_enquiry_transcript!.operation;
    expect(op.outputFields).toContainEqual({ key: 'transcript_file', label: 'Transcript File (.txt)', type: 'file' });
    expect(op.sample.transcript_file).toMatch(/^https:\/\//);
  });
});
