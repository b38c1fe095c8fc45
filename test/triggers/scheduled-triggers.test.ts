/**
 * The scheduled triggers on CINNOX's reports (src/reports/scheduled.ts, A30): New Call in Call Log, New or Updated
 * Enquiry, New or Updated SMS. Each reads its report's window without a subscription, applies the Zap's filters in
 * the app, and returns the newest first, each id once, at most 100 items.
 */
import nock from 'nock';
import { BASE_URL, failure } from '../helpers/app';
import { CALL_LOG, answer, call, poll, trigger, windowQuery, type Item } from '../helpers/reports';

describe('every scheduled trigger', () => {
  it.each([
    ['new_call', 'New Call in Call Log', 'Call Ended'],
    ['new_or_updated_enquiry', 'New or Updated Enquiry', 'Enquiry Status Changed'],
    ['new_or_updated_sms', 'New or Updated SMS', 'New Inbound SMS or SMS Delivery Receipt'],
  ])(
    '%s is a visible polling trigger that says it is checked every few minutes and names the instant one',
    (key, label, instant) => {
      const { display, operation } = trigger(key);
      expect(display.label).toBe(label);
      expect(display.hidden).toBeUndefined();
      expect(display.description).toMatch(/^Triggers when /);
      expect(display.description).toContain(
        'Checked every few minutes, not instantly, and needs no CINNOX subscription',
      );
      expect(display.description).toContain(`For an instant trigger, use ${instant}`);
      expect(operation.type).toBe('polling');
      expect(operation).not.toHaveProperty('performSubscribe');
    },
  );

  it('two Zaps on one connection poll the same trigger with different filters: report reads only, no subscription', async () => {
    answer(CALL_LOG, [call(1), call(2, { status: 'Not Answered' })]);
    answer(CALL_LOG, [call(1), call(2, { status: 'Not Answered' })]);
    const [all, missed] = [await poll('new_call'), await poll('new_call', { results: ['missed'] })];
    expect(all.map((i) => i.id)).toEqual(['call-1', 'call-2']);
    expect(missed.map((i) => i.id)).toEqual(['call-2']);
    // Any other request (a subscription's PATCH, the Event Hook List) would have no interceptor and fail the poll.
  });
});

describe('New Call in Call Log', () => {
  it('gives each call with the keys of Call Ended’s Call Details, its id the call id', async () => {
    answer(CALL_LOG, [call(3, { fromEID: '', toEID: 'staff-2', svcID: 'svc-1', duration: 184, inquiryID: 'enq-9' })]);
    await expect(poll('new_call')).resolves.toEqual([
      {
        id: 'call-3',
        callId: 'call-3',
        caller: '+85298765432',
        callee: '+85230001234',
        callerStaffId: '',
        calleeStaffId: 'staff-2',
        direction: 'Inbound',
        result: 'Call Ended',
        missed: false,
        durationSeconds: 184,
        startedAt: '2026-12-01T11:57:00.000Z',
        endedAt: '2026-12-01T11:58:00.000Z',
        cinnoxNumber: '+85230001234',
        enquiryId: 'enq-9',
        displayCaseNumber: '',
        serviceId: 'svc-1',
      },
    ]);
  });

  it('filters by direction, result (Missed = not answered, abandoned, cancelled, declined, busy) and CINNOX number', async () => {
    const records = [
      call(1, { callDirection: 'Outbound', caller: 85230001234, callee: 85298765432, virtualNumber: undefined }),
      call(2, { status: 'NOT_ANSWERED' }),
      call(3, { status: 'Abandoned', virtualNumber: 14155550123 }),
      call(4, { status: 'Unreachable' }),
      call(5, { status: 'Busy', callDirection: 'inbound' }),
    ];
    const ids = async (inputData: Item) => {
      answer(CALL_LOG, records);
      return (await poll('new_call', inputData)).map((i) => i.id);
    };
    await expect(ids({ directions: ['Outbound'] })).resolves.toEqual(['call-1']);
    await expect(ids({ results: ['missed'] })).resolves.toEqual(['call-2', 'call-3', 'call-5']);
    await expect(ids({ results: 'Unreachable,Busy' })).resolves.toEqual(['call-4', 'call-5']);
    await expect(
      ids({ directions: ['Inbound'], results: ['missed'], cinnox_number: '+852 3000 1234' }),
    ).resolves.toEqual(['call-2', 'call-5']);
    // An outbound call without a virtualNumber is on its caller's number.
    await expect(ids({ cinnox_number: '+85230001234', directions: ['Outbound'] })).resolves.toEqual(['call-1']);
  });

  it('refuses a filter that is no phone number before any request', async () => {
    const error = await failure(() => poll('new_call', { cinnox_number: 'office line' }));
    expect(error).toMatchObject({ code: 'InvalidInput' });
    expect(error.message).toMatch(/^Nothing was sent to CINNOX\. CINNOX Number /);
  });

  it('returns the newest first, each call once, at most 100, from one request when the page holds enough', async () => {
    // 500 records, listed newest first, with a duplicate: one request is enough for 100 matches.
    const records = Array.from({ length: 500 }, (_, i) => call(i + 1));
    records[10] = call(10);
    answer(CALL_LOG, records);
    const items = await poll('new_call');
    expect(items).toHaveLength(100);
    expect(new Set(items.map((i) => i.id)).size).toBe(100);
    expect(items.slice(0, 3).map((i) => i.id)).toEqual(['call-1', 'call-2', 'call-3']);
    expect(items.map((i) => String(i.startedAt))).toEqual(
      items
        .map((i) => String(i.startedAt))
        .sort()
        .reverse(),
    );
  });

  it('reads the next page when the first holds fewer than 100 calls that pass the filters', async () => {
    const first = Array.from({ length: 500 }, (_, i) => call(i + 1, { status: i < 40 ? 'Busy' : 'Call Ended' }));
    const second = Array.from({ length: 20 }, (_, i) => call(i + 501, { status: 'Busy' }));
    answer(CALL_LOG, first);
    answer(CALL_LOG, second, 500);
    const items = await poll('new_call', { results: ['Busy'] });
    expect(items).toHaveLength(60);
    expect(items[59]!.id).toBe('call-520');
  });

  it('sorts a whole report listed oldest first newest first', async () => {
    answer(CALL_LOG, [call(3), call(1), call(2)]);
    await expect(poll('new_call').then((items) => items.map((i) => i.id))).resolves.toEqual([
      'call-1',
      'call-2',
      'call-3',
    ]);
  });

  it('fails the poll, rather than miss the newest calls, when a report with more than one page is listed oldest first', async () => {
    answer(
      CALL_LOG,
      Array.from({ length: 500 }, (_, i) => call(2000 - i)),
    );
    const error = await failure(() => poll('new_call'));
    expect(error).toEqual({
      name: 'AppError',
      code: 'CinnoxUnexpectedResponse',
      message:
        "CINNOX listed the call log oldest first (from 2026-11-30T02:40:00.000Z to 2026-11-30T10:59:00.000Z) and holds more records than this poll read (500), so the newest may be among those not read. The trigger stops rather than miss them: CINNOX does not list its reports as the app assumes (A30). Report this to the app's developers.",
      status: 502,
    });
  });

  it('gives an empty list when CINNOX has no calls in the window ("No records found")', async () => {
    nock(BASE_URL).get(CALL_LOG).query(windowQuery(0)).reply(200, { code: 6451011, message: 'No records found' });
    await expect(poll('new_call')).resolves.toEqual([]);
  });
});
