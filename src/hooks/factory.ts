/**
 * The REST-hook trigger factory: a trigger file declares what differs (event group, status, noun,
 * labels, output fields, sample); this builds performSubscribe / performUnsubscribe / perform / performList.
 *
 * The declared outputFields are the single source of an item's shape: perform and performList keep
 * exactly their top-level keys (a `details__firstName` field documents a key inside `details`).
 */
import {
  defineTrigger,
  type PlainOutputField,
  type WebhookTriggerPerform,
  type WebhookTriggerPerformList,
  type WebhookTriggerPerformSubscribe,
  type WebhookTriggerPerformUnsubscribe,
  type ZObject,
} from 'zapier-platform-core';
import type { EventGroup } from '../cinnox/contract';
import { GROUPS, type GroupSpec, type Item } from './groups';
import { bodyOf, eventsOf, folded, type Raw } from './payload';
import { subscribe, unsubscribe } from './subscription';

/** The top-level keys of an item, from its output fields. */
export type TopKey<F extends readonly PlainOutputField[]> = Exclude<F[number]['key'], `${string}__${string}`>;

/** Every top-level key of outputFields, nothing else (an extra key is `never`, even in a sample built by a function). */
export type SampleOf<F extends readonly PlainOutputField[], S> = S & { readonly [P in TopKey<F>]: unknown } & {
  readonly [P in Exclude<keyof S, TopKey<F>>]: never;
};

export interface HookTriggerSpec<K extends string, F extends readonly PlainOutputField[], S> {
  key: K;
  noun: string;
  label: string;
  /** What the trigger fires on; the one-Zap-per-event-group note is appended. */
  description: `Triggers when ${string}.`;
  group: EventGroup;
  /** The event status this trigger handles; undefined = every event of the group. */
  status?: string;
  outputFields: F;
  /** A complete item: every top-level key of outputFields, nothing else. */
  sample: SampleOf<F, S>;
}

/** The one sentence every hook trigger carries about CINNOX's one URL per subscription (details: README). */
export function oneZapNote(group: GroupSpec): string {
  return `CINNOX sends ${group.events} to one Zap per CINNOX Zapier account: for a second such Zap, add another CINNOX Zapier account.`;
}

export function topKeysOf(fields: readonly PlainOutputField[]): string[] {
  return fields.map((f) => f.key).filter((k) => !k.includes('__'));
}

function shape(item: Item, keys: readonly string[]): Item {
  const out: Item = {};
  for (const key of keys) out[key] = item[key] ?? '';
  return out;
}

export function defineHookTrigger<
  const K extends string,
  const F extends readonly PlainOutputField[],
  S extends object,
>(spec: HookTriggerSpec<K, F, S>) {
  const group = GROUPS[spec.group];
  const keys = topKeysOf(spec.outputFields);
  const wanted = spec.status === undefined ? undefined : folded(spec.status);
  const handles = (event: Raw): boolean =>
    group.accepts(event) && (wanted === undefined || folded(group.statusOf(event)) === wanted);

  const itemsOf = (z: ZObject, events: Raw[]): Item[] => {
    const receivedAt = new Date().toISOString();
    return events.filter(handles).map((event) => shape(group.normalize(event, { z, receivedAt }), keys));
  };

  const performSubscribe = ((z, bundle) => subscribe(z, bundle, group)) satisfies WebhookTriggerPerformSubscribe;
  const performUnsubscribe = ((z, bundle) => unsubscribe(z, bundle, group)) satisfies WebhookTriggerPerformUnsubscribe;
  const perform = ((z, bundle) => itemsOf(z, eventsOf(bodyOf(bundle)))) satisfies WebhookTriggerPerform;
  const performList = (async (z, bundle) => {
    let records: Raw[] = [];
    try {
      records = await group.recent(z, bundle, spec.status ?? '');
    } catch (error) {
      // A list CINNOX refuses (an unconfirmed query, a missing endpoint) must not block the Zap editor:
      // fall back to the sample. Auth and rate-limit errors still surface.
      if (!(error instanceof Error) || error.name !== 'AppError') throw error;
      z.console.log(`CINNOX: could not list recent records for ${spec.key}; showing the sample. ${error.message}`);
    }
    const items = itemsOf(z, records);
    return items.length > 0 ? items : [{ ...spec.sample }];
  }) satisfies WebhookTriggerPerformList;

  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: `${spec.description} ${oneZapNote(group)}` },
    operation: {
      type: 'hook',
      performSubscribe,
      performUnsubscribe,
      perform,
      performList,
      outputFields: spec.outputFields.map((f) => ({ ...f })),
      sample: { ...spec.sample } as Record<string, unknown>,
    },
  });
}
