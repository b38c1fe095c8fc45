/**
 * Calls: a CINNOX call log record (docs/cinnox-api.md §2.4, A20, A21) → a call as Zapier shows it: Call Ended's
 * Call Details (read by its hydrator) and each item of New Call in Call Log. One table, so both give the same keys.
 */
import { CALL_LOG_ID_KEYS, CALL_RESULTS_MISSED, type CallLogRecord } from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText, valueWord } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

/** The call's length in whole seconds: the record's `duration` (A21), else end − start; '' when unknown. */
function durationOf(record: CallLogRecord): number | '' {
  const given = Number(record.duration);
  if (record.duration !== undefined && record.duration !== '' && Number.isFinite(given)) return Math.round(given);
  const start = isoDateTime(record.callDate);
  const end = isoDateTime(record.callEndTime);
  return start && end ? Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000)) : '';
}

/** The call's id in a call log record (A20: `callID`, else `callId`, else `id`), '' when it has none. */
export function callIdOf(record: CallLogRecord): string {
  for (const key of CALL_LOG_ID_KEYS) {
    const id = asText(record[key]);
    if (id) return id;
  }
  return '';
}

/** A missed call: a result of CALL_RESULTS_MISSED (A30). */
export const isMissedCall = (record: CallLogRecord): boolean =>
  CALL_RESULTS_MISSED.some((result) => valueWord(result) === valueWord(record.status));

/** The call log record (§2.4) as a call: each key once, with the CINNOX key it is read from. */
export const CALL = recordTable({
  callId: { label: 'Call ID', value: callIdOf, sample: 'call-7f3e2a91' },
  caller: { label: 'Caller Number', read: 'e164', sample: '+85298765432' },
  callee: { label: 'Callee Number', read: 'e164', sample: '+85230001234' },
  callerStaffId: { label: 'Caller Staff ID', read: 'text', from: 'fromEID', sample: '' },
  calleeStaffId: { label: 'Callee Staff ID', read: 'text', from: 'toEID', sample: '5f0000000000000000000002' },
  direction: { label: 'Direction', read: 'text', from: 'callDirection', sample: 'Inbound' },
  result: { label: 'Result', read: 'text', from: 'status', sample: 'Call Ended' },
  missed: {
    label: 'Missed (not answered, abandoned, cancelled, declined or busy)',
    value: isMissedCall,
    sample: false,
    type: 'boolean',
  },
  durationSeconds: { label: 'Duration (seconds)', value: durationOf, sample: 184, type: 'integer' },
  startedAt: {
    label: 'Started At',
    read: 'isoDate',
    from: 'callDate',
    sample: '2024-05-31T08:11:56.000Z',
    type: 'datetime',
  },
  endedAt: {
    label: 'Ended At',
    read: 'isoDate',
    from: 'callEndTime',
    sample: '2024-05-31T08:15:00.000Z',
    type: 'datetime',
  },
  cinnoxNumber: { label: 'CINNOX Number (E.164)', read: 'e164', from: 'virtualNumber', sample: '+85230001234' },
  enquiryId: { label: 'Enquiry ID', read: 'text', from: 'inquiryID', sample: '64a1f0c2e4b0a1b2c3d4e5f6' },
  displayCaseNumber: { label: 'Display Case Number', read: 'text', sample: 'EQ-000123' },
  serviceId: { label: 'Service ID', read: 'text', from: 'svcID', sample: 'svc-1a2b3c' },
});
export type Call = OutputOf<typeof CALL.columns>;
