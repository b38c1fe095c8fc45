/**
 * Call Ended's details without an API call per event: perform dehydrates (test/triggers/call-staff-inbound-sms-triggers.test.ts),
 * the hydrator reads the one call from the call log (A20: `callID`) and maps it (A21).
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure, windowed } from '../helpers/app';

const hydrate = (App.hydrators as Record<string, (z: ZObject, bundle: Bundle) => Promise<unknown>>).callDetails!;
const CALL_LOG = `${API_ROOT}/data/call-log`;

it('reads the call from the call log by callID, in the report window of the last 7 days, and maps caller, callee, direction, result and duration', async () => {
  const scope = nock(BASE_URL)
    .get(CALL_LOG)
    .query(windowed({ callID: 'call-1', offset: '0', limit: '1' }, 7))
    .reply(200, {
      code: 0,
      result: [
        {
          callID: 'call-1',
          caller: 85298765432,
          callee: 85230001234,
          fromEID: '',
          toEID: 'staff-2',
          callDirection: 'Inbound',
          status: 'Call Ended',
          callDate: '2024-05-31T16:12:00+08:00',
          callEndTime: '2024-05-31T16:15:04+08:00',
          inquiryID: 'enq-9',
          displayCaseNumber: 'EQ-000123',
          virtualNumber: 85230001234,
          svcID: 'svc-1',
        },
      ],
    });
  await expect(appTester(hydrate, bundleWith({ callId: 'call-1' }))).resolves.toEqual({
    callId: 'call-1',
    caller: '+85298765432',
    callee: '+85230001234',
    callerStaffId: '',
    calleeStaffId: 'staff-2',
    direction: 'Inbound',
    result: 'Call Ended',
    // No `duration` in the record: counted from the start and end times.
    durationSeconds: 184,
    startedAt: '2024-05-31T08:12:00.000Z',
    endedAt: '2024-05-31T08:15:04.000Z',
    enquiryId: 'enq-9',
    displayCaseNumber: 'EQ-000123',
    cinnoxNumber: '+85230001234',
    missed: false,
    serviceId: 'svc-1',
  });
  scope.done();
});

it("takes the record's own duration when it has one", async () => {
  const scope = nock(BASE_URL)
    .get(CALL_LOG)
    .query(true)
    .reply(200, { code: 0, result: [{ callID: 'call-1', duration: '61', status: 'Not Answered' }] });
  await expect(appTester(hydrate, bundleWith({ callId: 'call-1' }))).resolves.toMatchObject({
    durationSeconds: 61,
    result: 'Not Answered',
    missed: true,
    startedAt: '',
  });
  scope.done();
});

it('a call the call log does not list yet (an empty answer or "No records found", 6451011) is retried in about a minute', async () => {
  const scope = nock(BASE_URL)
    .get(CALL_LOG)
    .query(true)
    .reply(200, { code: 0, result: [] })
    .get(CALL_LOG)
    .query(true)
    .reply(400, { code: 6451011, message: 'No records found' });
  for (let i = 0; i < 2; i += 1) {
    const error = await failure(() => appTester(hydrate, bundleWith({ callId: 'call-1' })));
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBeGreaterThanOrEqual(60);
    expect(error.delay).toBeLessThanOrEqual(72);
    expect(error.message).toBe(
      `CINNOX's call log has no call with ID "call-1" yet, so its details (caller, callee, direction, result, duration) are not ready. Zapier will retry in ${error.delay} seconds.`,
    );
  }
  scope.done();
});

it('an answer listing another call (the callID filter ignored, A20) is an unexpected answer, never "not found" nor that call', async () => {
  const scope = nock(BASE_URL)
    .get(CALL_LOG)
    .query(windowed({ callID: 'call-1', offset: '0', limit: '1' }, 7))
    .reply(200, { code: 0, result: [{ callID: 'other-call', caller: 85298765432, status: 'Call Ended' }] });
  const error = await failure(() => appTester(hydrate, bundleWith({ callId: 'call-1' })));
  scope.done();
  expect(error.code).toBe('CinnoxUnexpectedResponse');
  expect(error.message).toBe(
    `CINNOX's answer did not contain the call with ID "call-1" (it listed another call), so its details (caller, callee, direction, result, duration) cannot be loaded. CINNOX may not filter the call log by call ID (assumption A20): report this to the app's developers.`,
  );
});

it('refuses without a request when the event named no call', async () => {
  const error = await failure(() => appTester(hydrate, bundleWith({})));
  expect(error.message).toBe('This event names no call, so there are no call details to load.');
});
