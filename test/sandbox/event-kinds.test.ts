/**
 * sandbox/event-kinds.ts, the one table from a sandbox event to its subscriptions and the app trigger it
 * fires, against the app's definition: every instant trigger of the app has exactly one event, every event
 * fires a trigger of the app, and each event goes to the subscription the app subscribes its group to (A11).
 * The tour (test/e2e) proves the same end to end; this says which row is wrong without starting anything.
 */
import App from '../../index';
import { SUBSCRIPTIONS } from '../../src/cinnox/contract';
import { EVENT_KINDS, EVENT_TABLE, eventOfTrigger, isEventKind } from '../../sandbox/event-kinds';

const hookTriggers = Object.entries(App.triggers ?? {})
  .filter(([, t]) => (t as { operation: { type?: string } }).operation.type === 'hook')
  .map(([key]) => key);

it('has one event per instant trigger of the app, and no event for a trigger the app lacks', () => {
  const fired = EVENT_KINDS.map((kind) => EVENT_TABLE[kind].trigger);
  expect(new Set(fired).size).toBe(fired.length);
  expect([...fired].sort()).toEqual([...hookTriggers].sort());
  for (const key of hookTriggers) expect(EVENT_TABLE[eventOfTrigger(key)!.kind].trigger).toBe(key);
  expect(eventOfTrigger('no_such_trigger')).toBeUndefined();
});

it("delivers each event to its group's subscription as the app has it (A11)", () => {
  for (const kind of EVENT_KINDS) {
    const { group, subscriptions } = EVENT_TABLE[kind];
    expect([kind, subscriptions]).toEqual([kind, expect.arrayContaining([SUBSCRIPTIONS[group]])]);
    expect(kind.startsWith(`${group}.`)).toBe(true);
  }
});

it('knows its kinds and nothing else', () => {
  expect(EVENT_KINDS).toHaveLength(13);
  expect(EVENT_KINDS.every(isEventKind)).toBe(true);
  expect(isEventKind('contact.exploded')).toBe(false);
  expect(isEventKind('toString')).toBe(false);
});
