/**
 * The contract check's reading of the app's assumptions (scripts/lib/contract-judges.ts) stays in step with
 * src/cinnox/contract.ts and the README's assumption table, and judges answers as that document says.
 */
import {
  CALL_LOG_PATH,
  CALL_LOG_RECORD_KEYS,
  CONTACT_LIST_PATH,
  ENQUIRY_DETAIL_PATH,
  EVENT_HOOK_LIST_PATH,
  LABEL_LIST_PATH,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
} from '../src/cinnox/contract';
import { shapeOf, type Exchange } from '../scripts/lib/cinnox-answer';
import { ASSUMPTIONS, JUDGES, combine, judge } from '../scripts/lib/contract-judges';
import { CALL } from '../src/records/call';
import { readDoc, tableRows } from './markdown';

const ASSUMPTIONS_DOC = 'docs/assumptions.md';
/** The table of assumptions: the README's last section, as the developers' guide asks. */
const ASSUMPTIONS_TABLE = 'README.md';
/** The ids a text declares, in order of first mention: `A12` at the start of a doc comment line. */
const declared = (text: string, line: RegExp) => [...new Set([...text.matchAll(line)].map((m) => m[1]))];
/** The rows of the README's assumption table: `#`, `Assumption`, `Constant`. */
const tableOfAssumptions = () =>
  tableRows(readDoc(ASSUMPTIONS_TABLE), ['#', 'Assumption', 'Constant'], ASSUMPTIONS_TABLE);

describe('contract check: its reading of the contract', () => {
  it("has one entry for each assumption src/cinnox/contract.ts declares, as the README's assumption table has one row", () => {
    const contract = declared(readDoc('src/cinnox/contract.ts'), /^\s*(?:\/\*\*|\*) (A\d+) /gm);
    expect(contract.length).toBeGreaterThanOrEqual(30);
    expect(contract).toEqual(contract.map((_, i) => `A${i + 1}`));
    const rows = tableOfAssumptions();
    expect(rows.map((row) => row['#'])).toEqual(contract);
    expect(rows.filter((row) => !row.Assumption || !row.Constant).map((row) => row['#'])).toEqual([]);
    expect(Object.keys(JUDGES)).toEqual(contract);
    expect(ASSUMPTIONS.map((a) => a.id)).toEqual(contract);
  });

  it('names in docs/assumptions.md the assumptions a read-only run cannot test, as the judges have them', () => {
    const said =
      /a read-only run cannot test \(([^;)]*)/.exec(readDoc(ASSUMPTIONS_DOC).replace(/\s+/g, ' '))?.[1] ?? '';
    const ids = said.split(', ').flatMap((part) => {
      const [from, to = from] = part.split('–').map((id) => Number(id.slice(1)));
      return Array.from({ length: to! - from! + 1 }, (_, i) => `A${from! + i}`);
    });
    // A29 is untestable only when the run read no transcript: the document names it after the list, with that condition.
    expect(ids).toEqual(ASSUMPTIONS.filter((a) => a.untestable && a.id !== 'A29').map((a) => a.id));
  });

  it('looks for the call log keys (A21) the call key table reads, each of them', () => {
    // A record holding only those keys, each with a value of its own: every value reaches the call's output.
    const values: Record<string, unknown> = {
      caller: 85211110001,
      callee: 85211110002,
      callDirection: 'Outbound',
      fromEID: 'staff-from',
      toEID: 'staff-to',
      callDate: '2026-01-02T00:00:00Z',
      callEndTime: '2026-01-02T00:01:40Z',
      duration: 77,
    };
    expect([...CALL_LOG_RECORD_KEYS].sort()).toEqual(Object.keys(values).sort());
    const call = CALL.map(values);
    expect(call).toMatchObject({
      caller: '+85211110001',
      callee: '+85211110002',
      direction: 'Outbound',
      callerStaffId: 'staff-from',
      calleeStaffId: 'staff-to',
      startedAt: '2026-01-02T00:00:00.000Z',
      endedAt: '2026-01-02T00:01:40.000Z',
      durationSeconds: 77,
    });
  });
});

describe('contract check: judging an answer', () => {
  const get = (path: string, query: Record<string, string>, status: number, body: unknown): Exchange => ({
    method: 'GET',
    path,
    query,
    status,
    body,
  });
  const verdict = (e: Exchange, id: string) => combine(judge(e)).find((f) => f.id === id)?.verdict;

  it('shows keys and types, never values', () => {
    expect(shapeOf({ code: 0, result: [{ id: 'x', firstName: 'Ann', phone: 85291234567 }] })).toBe(
      '{code: number, result: array(1) of {id: string, firstName: string, phone: number}}',
    );
  });

  it('A7: holds when every record has the name asked for, does not hold when CINNOX answers others', () => {
    const ann = { id: '1', firstName: 'Ann', lastName: 'Lee' };
    const ben = { id: '2', firstName: 'Ben', lastName: 'Ho' };
    const q = { fullName: 'Ann Lee', offset: '0', limit: '500' };
    expect(verdict(get(CONTACT_LIST_PATH, q, 200, { code: 0, result: [ann] }), 'A7')).toBe('holds');
    expect(verdict(get(CONTACT_LIST_PATH, q, 200, { code: 0, result: [ann, ben] }), 'A7')).toBe('does not hold');
    expect(verdict(get(CONTACT_LIST_PATH, q, 400, { code: 6451011, message: 'No records found' }), 'A7')).toBe(
      'cannot tell',
    );
  });

  it('A15 / A16: envelopes and codes in success bodies', () => {
    expect(verdict(get(LABEL_LIST_PATH, {}, 200, { code: 0, labelList: [] }), 'A15')).toBe('holds');
    expect(verdict(get(LABEL_LIST_PATH, {}, 200, { code: 0, items: [] }), 'A15')).toBe('does not hold');
    expect(verdict(get(LABEL_LIST_PATH, {}, 200, []), 'A16')).toBe('cannot tell');
    expect(verdict(get(LABEL_LIST_PATH, {}, 200, { code: 7, result: [] }), 'A16')).toBe('does not hold');
  });

  it('A13, A6, A19: an unknown path, a refused window, an unknown status', () => {
    expect(verdict(get(EVENT_HOOK_LIST_PATH, {}, 404, ''), 'A13')).toBe('does not hold');
    const window = { startAt: '2026-01-01T00:00:00Z', endAt: '2026-01-08T00:00:00Z' };
    expect(verdict(get(SMS_DETAIL_PATH, window, 400, { code: 6451000, message: 'invalid query' }), 'A6')).toBe(
      'does not hold',
    );
    const record = { _id: 'e1', status: 'pending', createdAt: '2026-01-02T00:00:00Z' };
    const answer = judge(get(ENQUIRY_DETAIL_PATH, window, 200, { code: 0, result: [record] }));
    expect(answer.find((f) => f.id === 'A19')).toEqual(
      expect.objectContaining({ verdict: 'does not hold', reason: 'status "pending" is none of the five' }),
    );
    expect(answer.find((f) => f.id === 'A6')?.verdict).toBe('holds');
  });

  it("A5 / A6: Find Enquiry's read by case number carries the window; a refusal naming the window is A6's, not A5's", () => {
    const byCase = { displayCaseNumber: '1001', startAt: '2026-01-01T00:00:00Z', endAt: '2026-01-08T00:00:00Z' };
    const windowRefusal = judge(
      get(ENQUIRY_DETAIL_PATH, byCase, 400, { code: 6451000, message: 'invalid query: (startAt), (endAt)' }),
    );
    expect(windowRefusal.map((f) => [f.id, f.verdict])).toEqual([
      ['A5', 'cannot tell'],
      ['A6', 'does not hold'],
    ]);
    const caseRefusal = get(ENQUIRY_DETAIL_PATH, byCase, 400, {
      code: 6451000,
      message: 'invalid query: (displayCaseNumber)',
    });
    expect(verdict(caseRefusal, 'A5')).toBe('does not hold');
    const found = get(ENQUIRY_DETAIL_PATH, byCase, 200, {
      code: 0,
      result: [{ _id: 'e1', displayCaseNumber: '1001' }],
    });
    expect(verdict(found, 'A5')).toBe('holds');
  });

  const window = { startAt: '2026-01-01T00:00:00Z', endAt: '2026-01-08T00:00:00Z', offset: '0', limit: '50' };
  const call = (id: string, at = '2026-01-02T00:00:00Z') => ({
    callID: id,
    caller: '+85298765432',
    callee: '+85230001234',
    callDirection: 'Inbound',
    callDate: at,
    callEndTime: at,
    duration: 184,
  });

  it.each([
    [
      'object IDs and a numeric case number',
      [{ _id: '6650a1b2c3d4e5f607182930', displayCaseNumber: 100245 }],
      'holds',
      '2 ID(s), none',
    ],
    ['a room ID with a space', [{ id: 'e1', roomID: 'room 1' }], 'does not hold', '1 of 2 ID(s)'],
    ['an ID with "/"', [{ id: 'a/b' }, { id: 'c' }], 'does not hold', '1 of 2 ID(s)'],
    ['an ID of 129 characters', [{ id: 'x'.repeat(129) }], 'does not hold', '1 of 1 ID(s)'],
  ])('A32: listed records with %s: %s', (_what, records, expected, counted) => {
    const finding = judge(get(STAFF_LIST_PATH, {}, 200, { code: 0, result: records })).find((f) => f.id === 'A32');
    expect(finding).toMatchObject({ verdict: expected, reason: expect.stringContaining(counted) });
    expect(finding!.evidence).not.toMatch(/room 1|a\/b|6650a1/);
  });

  it('A32: a list without IDs tells nothing', () => {
    expect(verdict(get(STAFF_LIST_PATH, {}, 200, { code: 0, result: [{ name: 'x' }] }), 'A32')).toBeUndefined();
  });

  it('A30: a report read for a window holds when newest first with documented values; oldest first or an unknown value does not', () => {
    const calls = (...records: object[]) => get(CALL_LOG_PATH, window, 200, { code: 0, result: records });
    const newer = call('c2', '2026-01-03T00:00:00Z');
    const older = call('c1', '2026-01-02T00:00:00Z');
    expect(verdict(calls(newer, older), 'A30')).toBe('holds');
    expect(verdict(calls(older, newer), 'A30')).toBe('does not hold');
    expect(verdict(calls(older), 'A30')).toBe('cannot tell');
    expect(verdict(calls({ ...newer, status: 'NOT_ANSWERED' }, { ...older, status: 'Call Ended' }), 'A30')).toBe(
      'holds',
    );
    const unknown = judge(calls({ ...newer, status: 'Voicemail' }, older)).find((f) => f.id === 'A30');
    expect(unknown).toMatchObject({
      verdict: 'does not hold',
      reason: 'status "Voicemail": not a value the filters know',
    });
    const enquiries = (channel: string) =>
      get(ENQUIRY_DETAIL_PATH, window, 200, {
        code: 0,
        result: [
          { _id: 'e2', status: 'closed', channel, createdAt: '2026-01-03T00:00:00Z' },
          { _id: 'e1', status: 'open', channel: 'Weblink', createdAt: '2026-01-02T00:00:00Z' },
        ],
      });
    expect(verdict(enquiries('WhatsApp'), 'A30')).toBe('holds');
    // The CINNOX Zapier guide's spellings are documented values too.
    for (const channel of ['Messager', 'Third Party Channel', 'Directory', 'Campaign', 'Directory - Web Link'])
      expect(verdict(enquiries(channel), 'A30')).toBe('holds');
    expect(verdict(enquiries('Telegram'), 'A30')).toBe('does not hold');
    const sms = (usage: string) =>
      get(SMS_DETAIL_PATH, window, 200, {
        code: 0,
        result: [
          { id: 's2', usage, createdAt: '2026-01-03T00:00:00Z' },
          { id: 's1', usage: 'direct', createdAt: '2026-01-02T00:00:00Z' },
        ],
      });
    expect(verdict(sms('openAPI-otp'), 'A30')).toBe('holds');
    const smsStatus = (status: string, carrierStatus: string) =>
      get(SMS_DETAIL_PATH, window, 200, {
        code: 0,
        result: [
          { id: 's2', usage: 'direct', status, carrierStatus, createdAt: '2026-01-03T00:00:00Z' },
          { id: 's1', usage: 'direct', status: 'Rejected', createdAt: '2026-01-02T00:00:00Z' },
        ],
      });
    expect(verdict(smsStatus('Submitted', 'Delivered'), 'A30')).toBe('holds');
    // An inbound SMS CINNOX marks Delivered in `status` too: the filter reads the carrier's status first.
    expect(verdict(smsStatus('Delivered', 'Delivered'), 'A30')).toBe('holds');
    expect(judge(smsStatus('Submitted', 'Expired')).find((f) => f.id === 'A30')).toMatchObject({
      verdict: 'does not hold',
      reason: 'status (carrierStatus) "Expired": not a value the filters know',
    });
    expect(verdict(sms('campaign'), 'A30')).toBe('does not hold');
  });

  it('A24: the call log answers a window with a list (holds), refuses it (does not hold), else cannot tell', () => {
    expect(verdict(get(CALL_LOG_PATH, window, 200, { code: 0, result: [call('c1')] }), 'A24')).toBe('holds');
    expect(verdict(get(CALL_LOG_PATH, window, 400, { code: 6451011, message: 'No records found' }), 'A24')).toBe(
      'holds',
    );
    expect(verdict(get(CALL_LOG_PATH, window, 400, { code: 6451000, message: 'invalid query' }), 'A24')).toBe(
      'does not hold',
    );
    expect(verdict(get(CALL_LOG_PATH, window, 404, ''), 'A24')).toBe('does not hold');
    expect(
      verdict(get(CALL_LOG_PATH, window, 200, { code: 0, result: [call('c1', '2025-06-01T00:00:00Z')] }), 'A24'),
    ).toBe('does not hold');
    expect(verdict(get(CALL_LOG_PATH, window, 500, { code: 6450000, message: 'internal' }), 'A24')).toBe('cannot tell');
  });

  it('A20: the call log filtered by callID answers only that call (holds), others (does not hold), none (cannot tell)', () => {
    const q = { callID: 'c1', offset: '0', limit: '1' };
    expect(verdict(get(CALL_LOG_PATH, q, 200, { code: 0, result: [call('c1')] }), 'A20')).toBe('holds');
    expect(verdict(get(CALL_LOG_PATH, q, 200, { code: 0, result: [{ id: 'c1', caller: 'x' }] }), 'A20')).toBe('holds');
    expect(verdict(get(CALL_LOG_PATH, q, 200, { code: 0, result: [call('c2')] }), 'A20')).toBe('does not hold');
    expect(verdict(get(CALL_LOG_PATH, q, 200, { code: 0, result: [call('c1'), call('c2')] }), 'A20')).toBe(
      'does not hold',
    );
    expect(verdict(get(CALL_LOG_PATH, q, 200, { code: 0, result: [] }), 'A20')).toBe('cannot tell');
    expect(verdict(get(CALL_LOG_PATH, q, 400, { code: 6451011, message: 'No records found' }), 'A20')).toBe(
      'cannot tell',
    );
    // A window read says nothing about the callID filter.
    expect(verdict(get(CALL_LOG_PATH, window, 200, { code: 0, result: [call('c2')] }), 'A20')).toBeUndefined();
  });

  it('A21: call log records carry the keys the app reads (holds), none of them (does not hold), no records (cannot tell)', () => {
    const holds = judge(get(CALL_LOG_PATH, window, 200, { code: 0, result: [call('c1')] })).find((f) => f.id === 'A21');
    expect(holds).toEqual(
      expect.objectContaining({
        verdict: 'holds',
        reason: 'records carry 6 of the 8 keys the app reads (none carries fromEID, toEID)',
      }),
    );
    expect(holds?.evidence).not.toMatch(/85298765432|Inbound/);
    expect(
      verdict(get(CALL_LOG_PATH, window, 200, { code: 0, result: [{ callID: 'c1', from: 'x', to: 'y' }] }), 'A21'),
    ).toBe('does not hold');
    expect(verdict(get(CALL_LOG_PATH, window, 200, { code: 0, result: [] }), 'A21')).toBe('cannot tell');
    expect(verdict(get(CALL_LOG_PATH, window, 400, { code: 6451011, message: 'No records found' }), 'A21')).toBe(
      'cannot tell',
    );
  });

  it('A29: a transcript read on a closed enquiry shows whether messages carry a sender name', () => {
    const chat = (message: Record<string, unknown>) =>
      get('/data/enquiry-chat', { enquiryID: '1001' }, 200, { code: 0, result: [message] });
    expect(verdict(chat({ msgText: 'Hi', content: { from: { eid: 'e1', displayName: 'Dana Lam' } } }), 'A29')).toBe(
      'holds',
    );
    expect(verdict(chat({ msgText: 'Hi', fromEID: 'e1' }), 'A29')).toBe('cannot tell');
  });

  it('A22: SMS Details with a record of usage "inbound" holds; no such record is never "does not hold"', () => {
    const sms = (usage?: string) => ({ id: 's1', createdAt: '2026-01-02T00:00:00Z', ...(usage ? { usage } : {}) });
    expect(
      verdict(get(SMS_DETAIL_PATH, window, 200, { code: 0, result: [sms('openAPI-sms'), sms('inbound')] }), 'A22'),
    ).toBe('holds');
    expect(verdict(get(SMS_DETAIL_PATH, window, 200, { code: 0, result: [sms('openAPI-sms')] }), 'A22')).toBe(
      'cannot tell',
    );
    expect(verdict(get(SMS_DETAIL_PATH, window, 200, { code: 0, result: [sms()] }), 'A22')).toBe('cannot tell');
    expect(verdict(get(SMS_DETAIL_PATH, window, 200, { code: 0, result: [] }), 'A22')).toBe('cannot tell');
    // CINNOX's "No records found" (a fresh account): the reason, not "no step exercised it".
    const none = combine(judge(get(SMS_DETAIL_PATH, window, 200, { code: 6451011, message: 'No records found' })));
    expect(none.find((f) => f.id === 'A22')).toMatchObject({
      verdict: 'cannot tell',
      evidence: expect.stringContaining('SMS Details answered 6451011 "No records found": no SMS in the last 7 days'),
    });
    // A refused window (A6): the read was made and failed, which is its reason too.
    const refused = combine(judge(get(SMS_DETAIL_PATH, window, 400, { code: 6451000, message: 'invalid query' })));
    expect(refused.find((f) => f.id === 'A22')).toMatchObject({
      verdict: 'cannot tell',
      evidence: expect.stringContaining('SMS Details answered an error, not a list'),
    });
    expect(refused.find((f) => f.id === 'A6')?.verdict).toBe('does not hold');
  });
});
