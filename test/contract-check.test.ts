/**
 * The contract check's reading of the app's assumptions (scripts/lib/contract-judges.ts) stays in step with
 * src/cinnox/contract.ts and README's assumption table, and judges answers as the README says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_DETAIL_PATH,
  ENQUIRY_RECORD_ID_KEYS,
  ENQUIRY_RECORD_STATUSES,
  EVENT_HOOK_LIST_PATH,
  LABEL_LIST_PATH,
  LIST_ENVELOPE_KEYS,
  LIST_PAGE_MAX,
  NUMBER_TYPES,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
  numberListPath,
  type NumberType,
} from '../src/cinnox/contract';
import { ASSUMPTIONS, CONTRACT, combine, judge, shapeOf, type Exchange } from '../scripts/lib/contract-judges';

describe('contract check: its reading of the contract', () => {
  it('has the paths, parameters, envelope keys and statuses of src/cinnox/contract.ts', () => {
    expect(CONTRACT).toEqual({
      staffList: STAFF_LIST_PATH,
      contactList: CONTACT_LIST_PATH,
      labelList: LABEL_LIST_PATH,
      enquiryDetail: ENQUIRY_DETAIL_PATH,
      smsDetail: SMS_DETAIL_PATH,
      eventHookList: EVENT_HOOK_LIST_PATH,
      numberTypes: Object.keys(NUMBER_TYPES),
      caseNumberParam: ENQUIRY_CASE_NUMBER_PARAM,
      contactNameParam: CONTACT_NAME_PARAM,
      contactIdParam: CONTACT_ID_PARAM,
      listEnvelopeKeys: [...LIST_ENVELOPE_KEYS],
      enquiryRecordIdKeys: [...ENQUIRY_RECORD_ID_KEYS],
      enquiryRecordStatuses: expect.arrayContaining([...new Set(Object.values(ENQUIRY_RECORD_STATUSES).flat())]),
      listPageMax: LIST_PAGE_MAX,
    });
    expect(new Set(CONTRACT.enquiryRecordStatuses)).toEqual(new Set(Object.values(ENQUIRY_RECORD_STATUSES).flat()));
    for (const type of Object.keys(NUMBER_TYPES)) expect(numberListPath(type as NumberType)).toBe(`/${type}`);
  });

  it("lists every assumption of README's table, in order", () => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (A\d+) \|/gm)].map((m) => m[1]);
    expect(ASSUMPTIONS.map((a) => a.id)).toEqual(rows);
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
});
