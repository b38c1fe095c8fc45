/**
 * sandbox/event-kinds.ts, the one table from a sandbox event to its subscriptions and the app trigger it
 * fires, against the app's definition: every instant trigger of the app has an event, every trigger an event
 * names is the app's, and each event goes to the subscription the app subscribes its group to (A11).
 * The tour (test/e2e) proves the same end to end; this says which row is wrong without starting anything.
 */
import App from '../../index';
import { SUBSCRIPTIONS } from '../../src/cinnox/contract';
import { EVENT_KINDS, EVENT_TABLE, eventOfTrigger, isEventKind, nearestKind } from '../../sandbox/event-kinds';

const hookTriggers = Object.entries(App.triggers ?? {})
  .filter(([, t]) => (t as { operation: { type?: string } }).operation.type === 'hook')
  .map(([key]) => key);

it('has an event for every instant trigger of the app, and no event for a trigger the app lacks', () => {
  const fired = EVENT_KINDS.flatMap((kind) => EVENT_TABLE[kind].triggers as readonly string[]);
  expect([...new Set(fired)].sort()).toEqual([...hookTriggers].sort());
  for (const key of hookTriggers) expect(EVENT_TABLE[eventOfTrigger(key)!.kind].triggers).toContain(key);
  // Each trigger is named after one kind (its first trigger) at most once.
  const named = EVENT_KINDS.map((kind) => EVENT_TABLE[kind].triggers[0]).filter(Boolean);
  expect(new Set(named).size).toBe(named.length);
  expect(eventOfTrigger('no_such_trigger')).toBeUndefined();
});

it('fires the multi-status triggers on each of their statuses (contact_event, enquiry_event)', () => {
  const kindsOf = (key: string) =>
    EVENT_KINDS.filter((kind) => (EVENT_TABLE[kind].triggers as readonly string[]).includes(key));
  expect(kindsOf('contact_event')).toEqual([
    'contact.created',
    'contact.edited',
    'contact.merged',
    'contact.transferred',
    'contact.deleted',
  ]);
  expect(kindsOf('enquiry_event')).toEqual(['enquiry.opened', 'enquiry.handling', 'enquiry.closed', 'enquiry.missed']);
  expect(kindsOf('recording_ready')).toEqual(['recording.ready']);
  expect(EVENT_TABLE['recording.failed'].triggers).toEqual([]);
});

it("delivers each event to its group's subscription as the app has it (A11)", () => {
  for (const kind of EVENT_KINDS) {
    const { group, subscriptions } = EVENT_TABLE[kind];
    expect([kind, subscriptions]).toEqual([kind, expect.arrayContaining([SUBSCRIPTIONS[group]])]);
    expect(group.toLowerCase()).toContain(kind.split('.')[0]);
  }
  // §3.5: staff events also travel on the combined contact subscription.
  expect(EVENT_TABLE['staff.created'].subscriptions).toEqual(['staff-contact-event-sub', 'contact-event-sub']);
});

it('knows its kinds and nothing else', () => {
  expect(EVENT_KINDS).toHaveLength(21);
  expect(EVENT_KINDS.every(isEventKind)).toBe(true);
  expect(isEventKind('contact.exploded')).toBe(false);
  expect(isEventKind('toString')).toBe(false);
});

it.each([
  ['enquiry.mised', 'enquiry.missed'],
  ['enquiry_missed', 'enquiry.missed'],
  ['Label.Created', 'label.created'],
  ['contact.delete', 'contact.deleted'],
  ['call.end', 'call.ended'],
  ['contact.exploded', undefined],
  ['payment.refunded', undefined],
])('names the kind %j most likely meant: %s', (typed, meant) => {
  expect(isEventKind(typed)).toBe(false);
  expect(nearestKind(typed)).toBe(meant);
});
