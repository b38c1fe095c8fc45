/**
 * Nine instant triggers: inbound SMS, call started / ended, recording ready, staff created / edited / deleted,
 * External Contact Event and Enquiry Status Changed. Per trigger: its label, the subscribe / unsubscribe bodies, its
 * output keys, the challenge and other statuses yielding [], and performList (recent CINNOX records in perform's
 * shape, else the sample). Keys, statuses and subscriptions are written out here, independently of the app's
 * lists; perform on each payload shape is in the trigger's own payload test.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import { INSTANT_KEYS, OTHER_URL, TARGET_URL, hookTrigger, keysOf, modelled } from '../helpers/hooks';

/** perform's items as the trigger models them (the passed-through delivery keys: test/triggers/passed-through.test.ts). */
const perform = async (key: string, body: unknown, inputData: Record<string, unknown> = {}) =>
  (
    (await appTester(
      hookTrigger(key).operation.perform,
      bundleWith(inputData, { cleanedRequest: body } as never),
    )) as Record<string, unknown>[]
  ).map(modelled);

const SUBSCRIPTION: Record<string, string> = {
  inbound_sms_received: 'inbound-sms-event-sub',
  call_started: 'call-event-sub',
  call_ended: 'call-event-sub',
  recording_ready: 'recording-event-sub',
  staff_created: 'staff-contact-event-sub',
  staff_edited: 'staff-contact-event-sub',
  staff_deleted: 'staff-contact-event-sub',
  contact_event: 'contact-event-sub',
  enquiry_event: 'inquiry-event-sub',
};
const LABEL: Record<string, string> = {
  inbound_sms_received: 'New Inbound SMS',
  call_started: 'Call Started',
  call_ended: 'Call Ended',
  recording_ready: 'New Call Recording',
  staff_created: 'New Staff Member',
  staff_edited: 'Staff Member Edited',
  staff_deleted: 'Staff Member Deleted',
  contact_event: 'External Contact Event',
  enquiry_event: 'Enquiry Status Changed',
};

describe.each(Object.keys(SUBSCRIPTION))('%s', (key) => {
  const trigger = hookTrigger(key);
  const op = trigger.operation;
  const subscription = SUBSCRIPTION[key]!;

  it('is a visible REST-hook trigger with its label, a "Triggers when" description and the one-Zap note', () => {
    expect(op.type).toBe('hook');
    expect(trigger.display.label).toBe(LABEL[key]);
    expect(trigger.display.hidden).toBeUndefined();
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
    expect(trigger.display.description).toContain('one Zap per CINNOX Zapier account');
  });

  it('has exactly its keys in the sample and the top-level output fields, each labelled', () => {
    expect(keysOf(op.sample)).toEqual([...INSTANT_KEYS[key]!].sort());
    const top = op.outputFields.map((f) => f.key).filter((k) => !k.includes('__') && !k.includes('[]'));
    expect(top.sort()).toEqual([...INSTANT_KEYS[key]!].sort());
    for (const f of op.outputFields) expect([f.key, f.label]).toEqual([f.key, expect.stringMatching(/\S/)]);
  });

  it(`subscribes this Zap's URL to ${subscription}`, async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [] })
      .patch(`${API_ROOT}/${subscription}`, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL, updatedAt: '2024-05-31T08:15:00.000Z' });
    await expect(appTester(op.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }))).resolves.toEqual({
      id: subscription,
      subscription,
      url: TARGET_URL,
    });
    scope.done();
  });

  it(`unsubscribes this Zap's URL from ${subscription}, and refuses to subscribe over another Zap`, async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [{ name: subscription, enabled: true, url: TARGET_URL }] })
      .patch(`${API_ROOT}/${subscription}`, { enabled: false, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL })
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [{ name: subscription, enabled: true, url: OTHER_URL }] });
    await expect(
      appTester(
        op.performUnsubscribe,
        bundleWith({}, {
          targetUrl: TARGET_URL,
          subscribeData: { id: subscription, subscription, url: TARGET_URL },
        } as never),
      ),
    ).resolves.toEqual({ subscription, url: TARGET_URL, unsubscribed: true });
    await expect(appTester(op.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }))).rejects.toThrow(
      /another Zap already receives CINNOX/,
    );
    scope.done();
  });

  it('yields [] for the URL-verification challenge (bare and in the envelope)', async () => {
    await expect(perform(key, ev.challenge)).resolves.toEqual([]);
    await expect(perform(key, { type: 'message', challenge: 'abc' })).resolves.toEqual([]);
  });
});
