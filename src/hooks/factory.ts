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
import { GROUPS, type GroupSpec, type Item } from './groups';
import { LIST_SAMPLE_SIZE } from './groups/shared';
import { bodyOf, eventsOf, folded, type Raw } from './payload';
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

/** The one sentence every hook trigger carries about CINNOX's one URL per subscription (details: README). */
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
/** How deep a delivery's objects are flattened; deeper values are passed as JSON text. */
const PASS_THROUGH_DEPTH = 4;

/**
 * The delivery's keys the trigger does not output under the same name (a key CINNOX adds tomorrow among them),
 * flattened as `delivery__key__inner`, so a Zap builder can map them: modelled keys never contain `__`.
 */
function passedThrough(event: Raw, modelled: ReadonlySet<string>): Item {
  const out: Item = {};
  const walk = (value: unknown, path: string, depth: number): void => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (depth >= PASS_THROUGH_DEPTH) out[path] = JSON.stringify(value);
      else for (const [k, v] of Object.entries(value)) walk(v, `${path}__${k}`, depth + 1);
    } else if (value !== undefined) out[path] = value;
  };
  for (const [key, value] of Object.entries(event)) {
    if (!modelled.has(key)) walk(value, `${PASSED_THROUGH}__${key}`, 1);
  }
  return out;
}

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
  /** Each event of the trigger's statuses as an item; a delivery's items also carry its unmodelled keys. */
  const itemsOf = (z: ZObject, events: Raw[], wanted: string[] | undefined, delivery = false): Item[] => {
    const receivedAt = new Date().toISOString();
    return events
      .filter((event) => handles(event, wanted))
      .map((event) => ({
        ...shape(group.normalize(event, { z, receivedAt }), keys),
        ...(delivery ? passedThrough(event, modelled) : {}),
      }));
  };

  const performSubscribe = ((z, bundle) => subscribe(z, bundle, group)) satisfies WebhookTriggerPerformSubscribe;
  const performUnsubscribe = ((z, bundle) => unsubscribe(z, bundle, group)) satisfies WebhookTriggerPerformUnsubscribe;
  const perform = ((z, bundle) =>
    itemsOf(z, eventsOf(bodyOf(bundle)), statusesOf(bundle.inputData), true)) satisfies WebhookTriggerPerform;
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
