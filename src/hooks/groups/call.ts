/**
 * The call event group (`call-event-sub`, docs/cinnox-api.md §1.8): a call started (`CallStart`, with the
 * caller and callees) and ended (`CallEnd`, only the call id). Its normaliser, its recent records for
 * performList (the call log, §2.4, A24), its output fields and samples, and the call-details hydrator.
 *
 * Call details are loaded lazily, as contact details are: a Call Ended item carries
 * `details: z.dehydrate(callDetails, {callId})`, which Zapier resolves (one call-log read, A20) only when a
 * later step of the Zap uses one of them.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { list, reportWindow } from '../../cinnox/client';
import {
  CALLEES_MAY_BE_ARRAY,
  CALL_LOG_CALL_ID_PARAM,
  CALL_LOG_PATH,
  CALL_LOG_WINDOW_DAYS,
  EVENT_STATUS,
  SUBSCRIPTIONS,
  type CallLogRecord,
} from '../../cinnox/contract';
import { NOT_FOUND_ERROR_CODE, jittered } from '../../cinnox/errors';
import { asE164, asText } from '../../cinnox/values';
import { CALL, callIdOf, type Call } from '../../records/call';
import { folded, isObject, pick, type Raw } from '../payload';
import {
  LIST_SAMPLE_SIZE,
  SAMPLE,
  defineGroup,
  eventIdOf,
  eventTime,
  isRecordId,
  serviceIdOf,
  statusOf,
} from './shared';

// ---------------------------------------------------------------------------------------------
// Call details: the hydrator
// ---------------------------------------------------------------------------------------------

/** Seconds Zapier waits before resolving a call's details again when the call log does not list it yet. */
export const CALL_DETAILS_NOT_READY_RETRY_SECONDS = 60;

/**
 * The hydrator (registered in the app's `hydrators`): one call-log read, when a later step asks; the call's keys
 * as New Call in Call Log gives them (src/records/call.ts). A call the call log does not list yet is retried later
 * (ThrottledError).
 */
export async function callDetails(z: ZObject, bundle: Bundle<{ callId?: string }>): Promise<Call> {
  const callId = asText(bundle.inputData.callId);
  if (!callId)
    throw new z.errors.Error(
      'This event names no call, so there are no call details to load.',
      NOT_FOUND_ERROR_CODE,
      404,
    );
  // A20: the call log filtered by callID, within A24's report window (a report refuses a read without one, 6451000
  // "Empty time range"); an answer listing only other calls is CINNOX ignoring the filter.
  const records = await list<CallLogRecord>(z, bundle, CALL_LOG_PATH, {
    [CALL_LOG_CALL_ID_PARAM]: callId,
    ...reportWindow(CALL_LOG_WINDOW_DAYS),
    offset: 0,
    limit: 1,
  });
  const record = records.find((r) => callIdOf(r) === callId);
  if (!record && records.length > 0)
    // CINNOX answered with other calls: the `callID` filter (A20) may not hold. Not evidence the call is missing.
    throw new z.errors.Error(
      `CINNOX's answer did not contain the call with ID "${callId}" (it listed another call), so its details (caller, callee, direction, result, duration) cannot be loaded. CINNOX may not filter the call log by call ID (assumption A20): report this to the app's developers.`,
      'CinnoxUnexpectedResponse',
      502,
    );
  if (!record) {
    // An empty answer or "No records found" (6451011): the call ended (its event says so), so CINNOX has not written
    // it to the call log yet: Zapier resolves the details again later, rather than the step failing for good.
    const delay = jittered(CALL_DETAILS_NOT_READY_RETRY_SECONDS);
    throw new z.errors.ThrottledError(
      `CINNOX's call log has no call with ID "${callId}" yet, so its details (caller, callee, direction, result, duration) are not ready. Zapier will retry in ${delay} seconds.`,
      delay,
    );
  }
  return CALL.map(record);
}

// ---------------------------------------------------------------------------------------------
// The group
// ---------------------------------------------------------------------------------------------

/** One party of a call event: `{eid, number}` (§1.8). */
const partyOf = (value: unknown) => {
  const party: Raw = isObject(value) ? value : {};
  return { staffId: asText(pick(party, 'eid', 'staffId')), number: asE164(pick(party, 'number')) };
};

/** `message.callees` is one object (§1.8) or a list of them (A23). */
const calleesOf = (event: Raw) => {
  const value = pick(event, 'callees', 'callee');
  const list = Array.isArray(value) && CALLEES_MAY_BE_ARRAY ? value : value === undefined ? [] : [value];
  return list.map(partyOf).filter((p) => p.staffId || p.number);
};

export const callGroup = defineGroup({
  subscription: SUBSCRIPTIONS.call,
  events: 'call events (started, ended)',
  normalize(event, ctx) {
    const callId = asText(pick(event, 'id', 'callId'));
    const status = statusOf(event);
    const caller = partyOf(pick(event, 'caller'));
    const callees = calleesOf(event);
    const ended = folded(status) === folded(EVENT_STATUS.callEnded);
    return {
      // A call starts once and ends once: call id + status is unique per event.
      id: isRecordId(callId) ? `${callId}:${status}` : eventIdOf(event, '', status, ctx.receivedAt),
      status,
      callId,
      time: eventTime(event, ctx),
      callerStaffId: caller.staffId,
      callerNumber: caller.number,
      calleeStaffIds: callees
        .map((c) => c.staffId)
        .filter(Boolean)
        .join(', '),
      calleeNumbers: callees
        .map((c) => c.number)
        .filter(Boolean)
        .join(', '),
      callees,
      serviceId: serviceIdOf(event),
      details: ended && isRecordId(callId) ? ctx.z.dehydrate(callDetails, { callId }) : '',
    };
  },
  async recent(z, bundle, status) {
    // Recent calls (A24: the report window, newest first).
    const records = await list<CallLogRecord>(z, bundle, CALL_LOG_PATH, {
      ...reportWindow(CALL_LOG_WINDOW_DAYS),
      offset: 0,
      limit: LIST_SAMPLE_SIZE,
    });
    return records.map((r) => ({
      status,
      id: callIdOf(r),
      caller: { eid: r.fromEID, number: r.caller },
      callees: { eid: r.toEID, number: r.callee },
      timestamp: status === EVENT_STATUS.callEnded ? r.callEndTime : r.callDate,
      serviceId: r.svcID,
    }));
  },
});

// ---------------------------------------------------------------------------------------------
// Output fields and samples
// ---------------------------------------------------------------------------------------------

export const CALL_BASE_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'callId', label: 'Call ID' },
  { key: 'time', label: 'Time', type: 'datetime' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** Call Started: the caller and the callees (staff ids for a later step, numbers in E.164). */
export const CALL_PARTY_FIELDS = [
  { key: 'callerStaffId', label: 'Caller Staff ID' },
  { key: 'callerNumber', label: 'Caller Number (E.164)' },
  { key: 'calleeStaffIds', label: 'Callee Staff IDs' },
  { key: 'calleeNumbers', label: 'Callee Numbers (E.164)' },
  { key: 'callees', label: 'Callees' },
  { key: 'callees[]staffId', label: 'Callee Staff ID' },
  { key: 'callees[]number', label: 'Callee Number (E.164)' },
] as const;

/** Call Ended: the call log's details, loaded when a later step uses them (the keys of New Call in Call Log). */
export const CALL_DETAIL_FIELDS = [
  { key: 'details', label: 'Call Details' },
  ...CALL.outputFields.map((f) => ({ ...f, key: `details__${f.key}`, label: `Call Details: ${f.label}` })),
] as const;

export const CALL_STARTED_FIELDS = [...CALL_BASE_FIELDS, ...CALL_PARTY_FIELDS] as const;
export const CALL_ENDED_FIELDS = [...CALL_BASE_FIELDS, ...CALL_DETAIL_FIELDS] as const;

export const CALL_TRIGGER = { noun: 'Call', group: 'call' } as const;

const SAMPLE_CALL_ID = CALL.sample.callId;

/** What the hydrator returns for the sample call. */
export const CALL_DETAILS_SAMPLE: Call = CALL.sample;

const callBaseSample = (status: string) => ({
  id: `${SAMPLE_CALL_ID}:${status}`,
  status,
  callId: SAMPLE_CALL_ID,
  time: SAMPLE.time,
  serviceId: SAMPLE.serviceId,
});

export const CALL_STARTED_SAMPLE = {
  ...callBaseSample(EVENT_STATUS.callStarted),
  callerStaffId: '',
  callerNumber: '+85298765432',
  calleeStaffIds: '5f0000000000000000000002',
  calleeNumbers: '+85230001234',
  callees: [{ staffId: '5f0000000000000000000002', number: '+85230001234' }],
};

export const CALL_ENDED_SAMPLE = { ...callBaseSample(EVENT_STATUS.callEnded), details: CALL_DETAILS_SAMPLE };
