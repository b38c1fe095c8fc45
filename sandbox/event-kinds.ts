// The one table from a sandbox event to where it goes: for each kind of event the sandbox makes happen
// (POST /__admin/events/{kind}, `npm run sandbox:event`), the CINNOX subscriptions it is delivered to
// (A11; docs/cinnox-api.md §0.4, §3.5, §2.5, §1.10, §3.6, §1.8, §1.9, §2.6), its event group (the payload
// shape) and the app triggers it fires. The sandbox routes deliveries from it (webhooks.ts) and lists its kinds
// (the admin API, `npm run sandbox:event`); the `npm start` tour finds each hook trigger's event in it. A new
// event, or a trigger that moves to another subscription, is one row here (and, for a new kind, its maker in admin.ts).
//
// One event may fire several triggers: a contact creation fires New External Contact and External Contact
// Event (both on contact-event-sub); a staff creation goes to staff-contact-event-sub and, per §3.5, to
// contact-event-sub too (where the contact triggers ignore it).
//
// Data only (its one import is a type): the tour and the tests read it without starting the sandbox.
import type { SubscriptionName } from './webhooks.ts';

/**
 * The payload family: contact envelope, flat enquiry, SMS receipt, label envelope, flat inbound SMS, call
 * envelope, recording envelope, staff envelope (events.ts).
 */
export type EventGroup = 'contact' | 'enquiry' | 'sms' | 'label' | 'inboundSms' | 'call' | 'recording' | 'staff';

export interface EventKindEntry {
  group: EventGroup;
  /** The `*-event-sub` subscriptions the event is POSTed to (each enabled one gets it once). */
  subscriptions: readonly SubscriptionName[];
  /** The keys of the app's instant triggers this event fires (the first is the one it is named after). */
  triggers: readonly string[];
}

const CONTACT_SUBS = ['contact-event-sub', 'external-contact-event-sub'] as const;
const STAFF_SUBS = ['staff-contact-event-sub', 'contact-event-sub'] as const;

export const EVENT_TABLE = {
  'contact.created': { group: 'contact', subscriptions: CONTACT_SUBS, triggers: ['contact_created', 'contact_event'] },
  'contact.edited': { group: 'contact', subscriptions: CONTACT_SUBS, triggers: ['contact_edited', 'contact_event'] },
  'contact.merged': { group: 'contact', subscriptions: CONTACT_SUBS, triggers: ['contact_merged', 'contact_event'] },
  // The combined contact hook is the one documented to fire on an ownership transfer (§3.5).
  'contact.transferred': {
    group: 'contact',
    subscriptions: ['contact-event-sub'],
    triggers: ['contact_ownership_transferred', 'contact_event'],
  },
  'contact.deleted': { group: 'contact', subscriptions: CONTACT_SUBS, triggers: ['contact_deleted', 'contact_event'] },
  'enquiry.opened': {
    group: 'enquiry',
    subscriptions: ['inquiry-event-sub'],
    triggers: ['enquiry_opened', 'enquiry_event'],
  },
  'enquiry.handling': {
    group: 'enquiry',
    subscriptions: ['inquiry-event-sub'],
    triggers: ['enquiry_handling', 'enquiry_event'],
  },
  'enquiry.closed': {
    group: 'enquiry',
    subscriptions: ['inquiry-event-sub'],
    triggers: ['enquiry_closed', 'enquiry_event'],
  },
  'enquiry.missed': {
    group: 'enquiry',
    subscriptions: ['inquiry-event-sub'],
    triggers: ['enquiry_missed', 'enquiry_event'],
  },
  'sms.receipt': { group: 'sms', subscriptions: ['outbound-sms-event-sub'], triggers: ['sms_delivery_receipt'] },
  'label.created': { group: 'label', subscriptions: ['label-event-sub'], triggers: ['label_created'] },
  'label.edited': { group: 'label', subscriptions: ['label-event-sub'], triggers: ['label_edited'] },
  'label.deleted': { group: 'label', subscriptions: ['label-event-sub'], triggers: ['label_deleted'] },
  'sms.inbound': { group: 'inboundSms', subscriptions: ['inbound-sms-event-sub'], triggers: ['inbound_sms_received'] },
  'call.started': { group: 'call', subscriptions: ['call-event-sub'], triggers: ['call_started'] },
  'call.ended': { group: 'call', subscriptions: ['call-event-sub'], triggers: ['call_ended'] },
  // §2.6: a recording that failed (`fail`) fires no trigger of the app.
  'recording.ready': { group: 'recording', subscriptions: ['recording-event-sub'], triggers: ['recording_ready'] },
  'recording.failed': { group: 'recording', subscriptions: ['recording-event-sub'], triggers: [] },
  'staff.created': { group: 'staff', subscriptions: STAFF_SUBS, triggers: ['staff_created'] },
  'staff.edited': { group: 'staff', subscriptions: STAFF_SUBS, triggers: ['staff_edited'] },
  'staff.deleted': { group: 'staff', subscriptions: STAFF_SUBS, triggers: ['staff_deleted'] },
} as const satisfies Record<string, EventKindEntry>;

export type EventKind = keyof typeof EVENT_TABLE;

/** Every kind, in the table's order. */
export const EVENT_KINDS = Object.keys(EVENT_TABLE) as EventKind[];

export const isEventKind = (kind: string): kind is EventKind => Object.hasOwn(EVENT_TABLE, kind);

/** How many one-character edits (insert, delete, replace) turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1)
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

/** The kind an unknown one most likely meant (a typo, a trigger key's `_` for `.`), or undefined when none is close. */
export function nearestKind(kind: string): EventKind | undefined {
  const typed = kind.trim().toLowerCase();
  const [best] = EVENT_KINDS.map((k) => ({ k, d: editDistance(typed, k) })).sort((a, b) => a.d - b.d);
  return best && best.d <= 3 ? best.k : undefined;
}

/** The first event that fires the app's trigger `key`, or undefined when the table has none. */
export function eventOfTrigger(key: string): { kind: EventKind; entry: EventKindEntry } | undefined {
  const kind = EVENT_KINDS.find((k) => (EVENT_TABLE[k].triggers as readonly string[]).includes(key));
  return kind && { kind, entry: EVENT_TABLE[kind] };
}
