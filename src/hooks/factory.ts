/**
 * The REST-hook trigger factory: a trigger file declares what differs (event group, status, noun,
 * labels, output fields, sample); this builds performSubscribe / performUnsubscribe / perform / performList.
 *
 * The declared outputFields are the single source of an item's shape: perform and performList keep
 * exactly their top-level keys (a `details__firstName` field documents a key inside `details`, a
 * `callees[]number` field a key of each line item of `callees`).
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
import { CinnoxError, HTTP_404_ERROR_CODE, NOT_CONFIRMED_CODE } from '../cinnox/errors';
import { jsonText, jsonTextOf } from '../cinnox/quote';
import { GROUPS, type GroupSpec, type Item } from './groups';
import { LIST_SAMPLE_SIZE } from './groups/shared';
import { bodyOf, eventsOf, folded, isObject, type Raw } from './payload';
import { inputFieldsOf } from '../input/schema';
import { subscribe, takeOverInput, unsubscribe } from './subscription';

/**
 * CINNOX's refusals of the list itself (a CINNOX code such as 6451000 or 6450001, a JSON refusal, an HTTP 404, a
 * result it did not confirm): Test Trigger shows the sample instead. Everything about reaching CINNOX (no answer, a
 * gateway's 403 page, a redirect, a body that is not JSON), the connection and the rate limit still fails the
 * test, so the sample never stands in for a CINNOX the app could not read.
 */
function isListRefusal(error: unknown): error is CinnoxError {
  return (
    error instanceof CinnoxError &&
    (error.cinnoxCode !== undefined ||
      [HTTP_404_ERROR_CODE, NOT_CONFIRMED_CODE, 'CinnoxError'].includes(error.errorCode))
  );
}

/** The top-level keys of an item, from its output fields. */
export type TopKey<F extends readonly PlainOutputField[]> = Exclude<
  F[number]['key'],
  `${string}__${string}` | `${string}[]${string}`
>;

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
  /**
   * Instead of one status: a multi-select input of the group's statuses (label → status); the trigger keeps
   * the events of the chosen ones, every status when none is chosen.
   */
  statusChoice?: StatusChoice;
  outputFields: F;
  /** A complete item: every top-level key of outputFields, nothing else. */
  sample: SampleOf<F, S>;
}

/** The one sentence every hook trigger carries about CINNOX's one URL per subscription (details: docs/operations.md). */
export function oneZapNote(group: GroupSpec): string {
  return `CINNOX sends ${group.events} to one Zap per CINNOX Zapier account: for a second such Zap, add another CINNOX Zapier account.`;
}

/** A trigger's multi-select of statuses (contact_event, enquiry_event). */
export interface StatusChoice {
  key: string;
  label: string;
  helpText: string;
  /** Status → its label in the drop-down. */
  choices: Readonly<Record<string, string>>;
}

/** The statuses chosen in a StatusChoice input (one value, a list, or comma-separated text); all when none. */
export function chosenStatuses(choice: StatusChoice, value: unknown): string[] {
  const all = Object.keys(choice.choices);
  const given = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
    .map((v) => folded(v))
    .filter(Boolean);
  const chosen = all.filter((s) => given.includes(folded(s)));
  return chosen.length > 0 ? chosen : all;
}

export function topKeysOf(fields: readonly PlainOutputField[]): string[] {
  return fields.map((f) => f.key).filter((k) => !k.includes('__') && !k.includes('[]'));
}

function shape(item: Item, keys: readonly string[]): Item {
  const out: Item = {};
  for (const key of keys) out[key] = item[key] ?? '';
  return out;
}

/** What every key the app does not model is put under, flattened: a name no modelled output key has. */
export const PASSED_THROUGH = 'delivery';
/**
 * The key of what the limits below left out of an event's pass-through, as one JSON text: no trigger outputs it,
 * and no flattened name is it (those have `__` after `delivery`).
 */
export const PASSED_THROUGH_REST = 'delivery_rest';

/**
 * What a delivery's unmodelled keys may add to its items, whatever the delivery's size: a flattened name repeats
 * its parents' keys, so without limits 19 KB of nested keys make 10 MB of names. What a limit leaves out is not
 * dropped: it goes, under its parents' keys, into the event's `delivery_rest`.
 */
export const PASS_THROUGH_LIMITS = {
  /** Levels flattened (`delivery__a__b__c__d`); an object deeper is one JSON text. */
  depth: 4,
  /** A longer key is not made part of a field name. */
  keyChars: 64,
  /** Fields per event. */
  fields: 100,
  /** A longer value (a text, or an object's or a list's JSON text) is not made a field. */
  valueChars: 10_000,
  /** `delivery_rest` is cut here (ending in `…`). */
  restChars: 10_000,
  /** All the delivery's flattened names and values, and its `delivery_rest` texts, together. */
  deliveryChars: 250_000,
} as const;
/** Even with the delivery's characters spent, `delivery_rest` says what was left out in this many. */
const REST_MIN_CHARS = 200;

/** What the delivery's pass-through may still add (PASS_THROUGH_LIMITS.deliveryChars), shared by its events. */
export interface PassThroughBudget {
  chars: number;
}

/**
 * The delivery's keys the trigger does not output under the same name (a key CINNOX adds tomorrow among them),
 * flattened as `delivery__key__inner`, so a Zap builder can map them: modelled keys never contain `__`. Within
 * PASS_THROUGH_LIMITS; what a limit leaves out is one JSON text under `delivery_rest`, each left-out value under
 * its parents' keys (`{"crm":{"notes":"…"}}`), so no key is repeated and the text is never longer than the part of
 * the delivery it holds.
 */
function passedThrough(event: Raw, modelled: ReadonlySet<string>, budget: PassThroughBudget): Item {
  const limits = PASS_THROUGH_LIMITS;
  const out: Item = {};
  const rest = Object.create(null) as Raw;
  let leftOut = false;
  let fields = 0;
  const leaveOut = (keys: readonly string[], value: unknown): void => {
    let node = rest;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = isObject(next) ? next : (node[key] = Object.create(null) as Raw);
    }
    node[keys[keys.length - 1]!] = value;
    leftOut = true;
  };
  const walk = (value: unknown, keys: readonly string[], name: string): void => {
    if (value === undefined) return;
    if (keys[keys.length - 1]!.length > limits.keyChars) return leaveOut(keys, value);
    if (isObject(value) && keys.length < limits.depth) {
      for (const key in value)
        if (Object.prototype.hasOwnProperty.call(value, key)) walk(value[key], [...keys, key], `${name}__${key}`);
      return;
    }
    const { text, complete } =
      typeof value === 'object' && value !== null
        ? jsonTextOf(value, limits.valueChars)
        : { text: String(value), complete: true };
    const cost = name.length + text.length;
    if (!complete || text.length > limits.valueChars || fields >= limits.fields || cost > budget.chars)
      return leaveOut(keys, value);
    // An object at the last level is its JSON text; a list stays a list (Zapier's line items).
    out[name] = isObject(value) ? text : value;
    fields += 1;
    budget.chars -= cost;
  };
  for (const key in event) {
    if (Object.prototype.hasOwnProperty.call(event, key) && !modelled.has(key))
      walk(event[key], [key], `${PASSED_THROUGH}__${key}`);
  }
  if (leftOut) {
    const text = jsonText(rest, Math.min(limits.restChars, Math.max(budget.chars, REST_MIN_CHARS)));
    out[PASSED_THROUGH_REST] = text;
    budget.chars -= text.length;
  }
  return out;
}

/** At most this many events of one delivery become items (CINNOX sends one event a delivery); the rest are logged. */
export const DELIVERY_MAX_EVENTS = 100;

export function defineHookTrigger<
  const K extends string,
  const F extends readonly PlainOutputField[],
  S extends object,
>(spec: HookTriggerSpec<K, F, S>) {
  const group = GROUPS[spec.group];
  const keys = topKeysOf(spec.outputFields);
  const choice = spec.statusChoice;
  /** The statuses the trigger keeps for this Zap; undefined = every status. */
  const statusesOf = (inputData: unknown): string[] | undefined => {
    if (choice) return chosenStatuses(choice, (inputData as Record<string, unknown> | undefined)?.[choice.key]);
    return spec.status === undefined ? undefined : [spec.status];
  };
  const handles = (event: Raw, wanted: string[] | undefined): boolean =>
    group.accepts(event) && (wanted === undefined || wanted.map(folded).includes(folded(group.statusOf(event))));

  const modelled = new Set(keys);
  /** Each event of the trigger's statuses as an item. */
  const itemsOf = (z: ZObject, events: Raw[], wanted: string[] | undefined): Item[] => {
    const receivedAt = new Date().toISOString();
    return events
      .filter((event) => handles(event, wanted))
      .map((event) => shape(group.normalize(event, { z, receivedAt }), keys));
  };
  /** A delivery's items: at most DELIVERY_MAX_EVENTS, each also carrying its unmodelled keys, within their budget. */
  const deliveryItemsOf = (z: ZObject, events: Raw[], wanted: string[] | undefined): Item[] => {
    const receivedAt = new Date().toISOString();
    const handled = events.filter((event) => handles(event, wanted));
    if (handled.length > DELIVERY_MAX_EVENTS)
      z.console.log(
        `CINNOX: a delivery of ${handled.length} events for ${spec.key}; the first ${DELIVERY_MAX_EVENTS} became items, the others were left out.`,
      );
    const budget: PassThroughBudget = { chars: PASS_THROUGH_LIMITS.deliveryChars };
    return handled.slice(0, DELIVERY_MAX_EVENTS).map((event) => ({
      ...shape(group.normalize(event, { z, receivedAt }), keys),
      ...passedThrough(event, modelled, budget),
    }));
  };

  const performSubscribe = ((z, bundle) => subscribe(z, bundle, group)) satisfies WebhookTriggerPerformSubscribe;
  const performUnsubscribe = ((z, bundle) => unsubscribe(z, bundle, group)) satisfies WebhookTriggerPerformUnsubscribe;
  const perform = ((z, bundle) =>
    deliveryItemsOf(z, eventsOf(bodyOf(bundle)), statusesOf(bundle.inputData))) satisfies WebhookTriggerPerform;
  const performList = (async (z, bundle) => {
    const wanted = statusesOf(bundle.inputData);
    let records: Raw[] = [];
    try {
      // One list read per chosen status, until a few records are found (one read for a one-status trigger).
      for (const status of wanted ?? ['']) {
        records = records.concat(await group.recent(z, bundle, status));
        if (records.length >= LIST_SAMPLE_SIZE) break;
      }
    } catch (error) {
      // A list CINNOX refuses (an unconfirmed query, a missing endpoint) must not block the Zap editor: fall back
      // to the sample. Auth, rate-limit, network and gateway errors still surface.
      if (!isListRefusal(error)) throw error;
      z.console.log(`CINNOX: could not list recent records for ${spec.key}; showing the sample. ${error.text}`);
    }
    const items = itemsOf(z, records, wanted).slice(0, LIST_SAMPLE_SIZE);
    return items.length > 0 ? items : [{ ...spec.sample }];
  }) satisfies WebhookTriggerPerformList;

  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: `${spec.description} ${oneZapNote(group)}` },
    operation: {
      type: 'hook',
      inputFields: [
        ...(choice
          ? [
              {
                key: choice.key,
                label: choice.label,
                helpText: choice.helpText,
                list: true,
                required: false,
                choices: { ...choice.choices },
              },
            ]
          : []),
        // Off by default: turning the Zap on never takes another URL's events unless the Zap builder chose it.
        ...inputFieldsOf(takeOverInput(group)),
      ],
      performSubscribe,
      performUnsubscribe,
      perform,
      performList,
      outputFields: spec.outputFields.map((f) => ({ ...f })),
      sample: { ...spec.sample } as Record<string, unknown>,
    },
  });
}
