// The one table from a sandbox event to where it goes: for each kind of event the sandbox makes happen
// (POST /__admin/events/{kind}, `npm run sandbox:event`), the CINNOX subscriptions it is delivered to
// (A11; docs/cinnox-api.md §0.4, §3.5, §2.5, §1.10, §3.6), its event group (the payload shape) and the app
// trigger it fires. The sandbox routes deliveries from it (webhooks.ts) and lists its kinds (the admin API,
// `npm run sandbox:event`); the `npm start` tour finds each hook trigger's event in it. A new event, or a
// trigger that moves to another subscription, is one row here (and, for a new kind, its maker in app.ts).
//
// Data only (its one import is a type): the tour and the tests read it without starting the sandbox.
import type { SubscriptionName } from './webhooks.ts';

/** The payload family: contact envelope, flat enquiry, SMS receipt, label envelope (events.ts). */
export type EventGroup = 'contact' | 'enquiry' | 'sms' | 'label';

export interface EventKindEntry {
  group: EventGroup;
  /** The `*-event-sub` subscriptions the event is POSTed to (each enabled one gets it once). */
  subscriptions: readonly SubscriptionName[];
  /** The key of the app's instant trigger this event fires. */
  trigger: string;
}

export const EVENT_TABLE = {
  'contact.created': {
    group: 'contact',
    subscriptions: ['contact-event-sub', 'external-contact-event-sub'],
    trigger: 'contact_created',
  },
  'contact.edited': {
    group: 'contact',
    subscriptions: ['contact-event-sub', 'external-contact-event-sub'],
    trigger: 'contact_edited',
  },
  'contact.merged': {
    group: 'contact',
    subscriptions: ['contact-event-sub', 'external-contact-event-sub'],
    trigger: 'contact_merged',
  },
  // The combined contact hook is the one documented to fire on an ownership transfer (§3.5).
  'contact.transferred': {
    group: 'contact',
    subscriptions: ['contact-event-sub'],
    trigger: 'contact_ownership_transferred',
  },
  'contact.deleted': {
    group: 'contact',
    subscriptions: ['contact-event-sub', 'external-contact-event-sub'],
    trigger: 'contact_deleted',
  },
  'enquiry.opened': { group: 'enquiry', subscriptions: ['inquiry-event-sub'], trigger: 'enquiry_opened' },
  'enquiry.handling': { group: 'enquiry', subscriptions: ['inquiry-event-sub'], trigger: 'enquiry_handling' },
  'enquiry.closed': { group: 'enquiry', subscriptions: ['inquiry-event-sub'], trigger: 'enquiry_closed' },
  'enquiry.missed': { group: 'enquiry', subscriptions: ['inquiry-event-sub'], trigger: 'enquiry_missed' },
  'sms.receipt': { group: 'sms', subscriptions: ['outbound-sms-event-sub'], trigger: 'sms_delivery_receipt' },
  'label.created': { group: 'label', subscriptions: ['label-event-sub'], trigger: 'label_created' },
  'label.edited': { group: 'label', subscriptions: ['label-event-sub'], trigger: 'label_edited' },
  'label.deleted': { group: 'label', subscriptions: ['label-event-sub'], trigger: 'label_deleted' },
} as const satisfies Record<string, EventKindEntry>;

export type EventKind = keyof typeof EVENT_TABLE;

/** The 13 kinds, in the table's order. */
export const EVENT_KINDS = Object.keys(EVENT_TABLE) as EventKind[];

export const isEventKind = (kind: string): kind is EventKind => Object.hasOwn(EVENT_TABLE, kind);

/** The event that fires the app's trigger `key`, or undefined when the table has none. */
export function eventOfTrigger(key: string): { kind: EventKind; entry: EventKindEntry } | undefined {
  const kind = EVENT_KINDS.find((k) => EVENT_TABLE[k].trigger === key);
  return kind && { kind, entry: EVENT_TABLE[kind] };
}
