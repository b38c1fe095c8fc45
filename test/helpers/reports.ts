/**
 * What the scheduled triggers' tests share: running a poll, the query of a report page (the 7-day window, offset,
 * 500 records), and CINNOX report records (call log, Enquiry Details, SMS Details) minutes before a fixed time.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith } from './app';

export type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<Item[]>;
export type Trigger = {
  display: { label: string; description: string; hidden?: boolean };
  operation: { type: string; outputFields: { key: string }[] };
};
export const trigger = (key: string): Trigger => (App.triggers as unknown as Record<string, Trigger>)[key]!;
const performOf = (key: string): Perform => (trigger(key).operation as unknown as { perform: Perform }).perform;
export const poll = (key: string, inputData: Item = {}) =>
  appTester(performOf(key), bundleWith(inputData)) as Promise<Item[]>;

export const CALL_LOG = `${API_ROOT}/data/call-log`;
export const ENQUIRIES = `${API_ROOT}/data/enquiry-detail`;
export const SMS_DETAILS = `${API_ROOT}/data/sms-detail`;

/** The query of a poll's page: the 7-day window, the offset and 500 records; no filter parameter. */
export const windowQuery = (offset: number) => (query: Record<string, unknown>) => {
  const start = Date.parse(String(query.startAt));
  const end = Date.parse(String(query.endAt));
  return (
    Object.keys(query).sort().join() === 'endAt,limit,offset,startAt' &&
    Math.abs(Date.now() - end) < 60_000 &&
    Math.abs(end - start - 7 * 24 * 3600 * 1000) < 1000 &&
    query.offset === String(offset) &&
    query.limit === '500'
  );
};
export const answer = (path: string, records: Item[], offset = 0) =>
  nock(BASE_URL).get(path).query(windowQuery(offset)).reply(200, { code: 0, result: records });

export const minutesAgo = (n: number) => new Date(Date.parse('2026-12-01T12:00:00Z') - n * 60_000).toISOString();

export const call = (n: number, extra: Item = {}): Item => ({
  callID: `call-${n}`,
  caller: 85298765432,
  callee: 85230001234,
  virtualNumber: 85230001234,
  callDirection: 'Inbound',
  status: 'Call Ended',
  callDate: minutesAgo(n),
  callEndTime: minutesAgo(n - 1),
  ...extra,
});
export const enquiry = (n: number, extra: Item = {}): Item => ({
  _id: `66b0000000000000000000${String(n).padStart(2, '0')}`,
  inquiry: `inq-${n}`,
  displayCaseNumber: String(1000 + n),
  status: 'closed',
  channel: 'Weblink',
  createdAt: minutesAgo(10 * n),
  updatedAt: minutesAgo(10 * n - 5),
  ...extra,
});
export const sms = (n: number, extra: Item = {}): Item => ({
  id: `sms-${n}`,
  smsID: `sms-${n}`,
  sender: 85230001234,
  recipient: 85298765432,
  recipientCountryCode: 'HK',
  status: 'Submitted',
  carrierStatus: 'Delivered',
  usage: 'openAPI-sms',
  text: `Message ${n}`,
  segmentCount: 1,
  createdAt: minutesAgo(n),
  updatedAt: minutesAgo(n),
  ...extra,
});
