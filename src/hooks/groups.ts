/**
 * The four event groups: which CINNOX subscription carries them, how one event becomes a trigger item,
 * and which CINNOX list gives performList real records in the same shape.
 *
 * Each normaliser returns every key any trigger of its group may output; the trigger factory keeps
 * exactly the keys a trigger declares in its outputFields. A missing field is '' (never a crash).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import {
  ENQUIRY_RECORD_ID_KEYS,
  ENQUIRY_RECORD_STATUSES,
  EVENT_STATUS,
  SUBSCRIPTIONS,
  type EnquiryRecord,
  type EventGroup,
  type SubscriptionName,
} from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { contactDetails } from './contact-details';
import { phone, text } from '../cinnox/values';
import { fingerprint, folded, pick, type Raw } from './payload';

export type Item = Record<string, unknown>;

export interface NormalizeContext {
  z: ZObject;
  /** When the delivery reached Zapier: part of the id of events that carry no time of their own. */
  receivedAt: string;
}

export interface GroupSpec {
  subscription: SubscriptionName;
  /** How the help text and error messages name the group's events. */
  events: string;
  /** False for an event of this subscription that no trigger of the group handles (e.g. staff events). */
  accepts(event: Raw): boolean;
  /** The event's status, as compared with a trigger's status. */
  statusOf(event: Raw): string;
  normalize(event: Raw, ctx: NormalizeContext): Item;
  /** A few (at most LIST_SAMPLE_SIZE) recent CINNOX records as events of `status`, for performList. */
  recent(z: ZObject, bundle: Bundle, status: string): Promise<Raw[]>;
}

/** How many records performList shows. */
export const LIST_SAMPLE_SIZE = 3;
/** How many recent enquiries performList reads to find LIST_SAMPLE_SIZE in the trigger's status. */
export const ENQUIRY_LIST_FETCH = 20;

/** A date as ISO 8601 in UTC, '' when absent or unreadable (one reader for the app: src/searches/iso-date.ts). */
const isoDate = (value: unknown): string => isoDateTime(value) ?? '';

/** An id unique per event: the record's id (else a fingerprint), the status, and the event's time (else the receipt time). */
function eventIdOf(event: Raw, recordId: string, status: string, time: string): string {
  return [recordId || fingerprint(event), status, time].filter(Boolean).join(':');
}

const eventTime = (event: Raw, ctx: NormalizeContext): string =>
  isoDate(pick(event, 'updatedAt', 'timestamp', 'eventTime', 'date')) || ctx.receivedAt;

const statusOf = (event: Raw): string => text(pick(event, 'status'));

const contact: GroupSpec = {
  subscription: SUBSCRIPTIONS.contact,
  events: 'external contact events (created, edited, merged, ownership transferred, deleted)',
  // contact-event-sub also carries staff events (§3.5): their message.type is not "contact".
  accepts: (event) => {
    const type = folded(pick(event, 'type'));
    return type === '' || type === 'contact' || type === 'externalcontact';
  },
  statusOf,
  normalize(event, ctx) {
    const contactId = text(pick(event, 'contactId', 'externalContactId', 'id'));
    const status = statusOf(event);
    const name =
      text(pick(event, 'name', 'fullName')) ||
      [text(pick(event, 'firstName')), text(pick(event, 'lastName'))].filter(Boolean).join(' ');
    return {
      id: eventIdOf(event, contactId, status, eventTime(event, ctx)),
      status,
      name,
      fromOwnerID: text(pick(event, 'fromOwnerID', 'fromOwner', 'previousOwnerID')),
      toOwnerID: text(pick(event, 'toOwnerID', 'toOwner', 'ownerID')),
      contactId,
      serviceId: text(pick(event, 'serviceId', 'svcID')),
      details: contactId ? ctx.z.dehydrate(contactDetails, { contactId }) : '',
    };
  },
  async recent(z, bundle, status) {
    // A listed contact is a contact, not a merge, transfer or deletion: for those, the static sample.
    if (status !== EVENT_STATUS.contactCreated && status !== EVENT_STATUS.contactEdited) return [];
    const records = await cinnox.listContacts(z, bundle, { offset: 0, limit: LIST_SAMPLE_SIZE });
    return records.map((r) => ({
      status,
      id: r.id,
      name: [text(r.firstName), text(r.lastName)].filter(Boolean).join(' '),
    }));
  },
};

const enquiry: GroupSpec = {
  subscription: SUBSCRIPTIONS.enquiry,
  events: 'enquiry events (opened, handled by staff, closed, missed)',
  accepts: () => true,
  statusOf,
  normalize(event, ctx) {
    // The record id (A18): §2.5's `eid`, the Zapier guide's `enquiryID`; never the `inquiry` ID, a different id.
    const enquiryID = text(pick(event, 'enquiryID', 'eid'));
    const status = statusOf(event);
    // The Open API notification's `type` is the constant "inquiry" (§2.5), not the enquiry type.
    const rawType = text(pick(event, 'type'));
    const type = rawType.toLowerCase() === 'inquiry' ? text(pick(event, 'inquiryType', 'enquiryType')) : rawType;
    const date = isoDate(pick(event, 'date', 'createdAt'));
    return {
      id: eventIdOf(event, enquiryID, status, date || ctx.receivedAt),
      status,
      enquiryID,
      displayCaseNumber: text(pick(event, 'displayCaseNumber')),
      type,
      channel: text(pick(event, 'channel')),
      date,
      destination: text(pick(event, 'destination', 'destinationID')),
      destinationTypes: text(pick(event, 'destinationTypes', 'destinationType')),
      serviceId: text(pick(event, 'serviceId', 'svcID')),
    };
  },
  async recent(z, bundle, status) {
    // Only records whose own status is the trigger's (A19): "Missed Enquiry" never shows a closed enquiry.
    const wanted = ENQUIRY_RECORD_STATUSES[status] ?? [];
    const records = await cinnox.recentEnquiries(z, bundle, ENQUIRY_LIST_FETCH);
    return records
      .filter((r) => wanted.includes(folded(r.status)))
      .slice(0, LIST_SAMPLE_SIZE)
      .map((r) => {
        const initChannel = folded(r.initChannel);
        const medium = initChannel === 'call' ? 'Call' : initChannel === 'im' ? 'Chat' : '';
        return {
          status,
          // The event's `eid` is the enquiry's record id (A18), never its `inquiry` ID.
          enquiryID: recordIdOf(r),
          displayCaseNumber: r.displayCaseNumber,
          type: [text(r.inquiryType), medium].filter(Boolean).join(' '),
          channel: r.channel,
          // §2.1 spells it createdAt; the product spec createdAT.
          date: r.createdAt ?? r.createdAT,
          destination: r.destinationID,
          destinationTypes: r.destinationType,
          serviceId: r.svcID,
        };
      });
  },
};

/** The enquiry's record id (A18: `_id`, else `id`), '' when it has none. */
function recordIdOf(record: EnquiryRecord): string {
  for (const key of ENQUIRY_RECORD_ID_KEYS) {
    const id = text(record[key]);
    if (id) return id;
  }
  return '';
}

const sms: GroupSpec = {
  subscription: SUBSCRIPTIONS.sms,
  events: 'SMS delivery receipts',
  accepts: () => true,
  statusOf,
  normalize(event, ctx) {
    const transactionId = text(pick(event, 'transactionId', 'smsID'));
    const status = statusOf(event);
    return {
      // A message has one receipt per status (Submitted, then Delivered…): id + status is unique per receipt.
      id: transactionId ? `${transactionId}:${status}` : eventIdOf(event, '', status, ctx.receivedAt),
      transactionId,
      recipientNumber: phone(pick(event, 'recipientNumber', 'recipient')),
      recipientCountry: text(pick(event, 'recipientCountry', 'recipientCountryCode')),
      responseCode: text(pick(event, 'responseCode')),
      status,
      exception: text(pick(event, 'exception')),
      serviceId: text(pick(event, 'serviceId', 'svcID')),
    };
  },
  async recent(z, bundle) {
    const records = await cinnox.recentSmsDetails(z, bundle, LIST_SAMPLE_SIZE);
    return records.map((r) => ({
      transactionId: r.smsID ?? r.id,
      recipientNumber: r.recipient,
      recipientCountry: r.recipientCountryCode,
      status: r.carrierStatus || r.status,
    }));
  },
};

const HEX_COLOUR = /^#?[0-9a-f]{3}([0-9a-f]{3})?$/i;

const label: GroupSpec = {
  subscription: SUBSCRIPTIONS.label,
  events: 'label events (created, edited, deleted)',
  accepts: () => true,
  statusOf,
  normalize(event, ctx) {
    const labelId = text(pick(event, 'id', 'labelId'));
    const status = statusOf(event);
    const colorName = text(pick(event, 'colorName'));
    return {
      // `id` is the label's (the spec's key), so the per-event id is `eventId`, the trigger's primary key.
      eventId: eventIdOf(event, labelId, status, eventTime(event, ctx)),
      status,
      id: labelId,
      name: text(pick(event, 'name', 'labelName')),
      colorCode: text(pick(event, 'colorCode', 'color')) || (HEX_COLOUR.test(colorName) ? colorName : ''),
      serviceId: text(pick(event, 'serviceId', 'svcID')),
    };
  },
  async recent(z, bundle, status) {
    // A listed label has not been deleted: for Label Deleted, the static sample.
    if (status === EVENT_STATUS.labelDeleted) return [];
    const records = await cinnox.listLabels(z, bundle, LIST_SAMPLE_SIZE);
    return records.map((r) => ({
      status,
      id: r.id,
      name: r.name,
      colorCode: r.colorCode,
      colorName: r.colorName,
      updatedAt: r.updatedAt,
    }));
  },
};

export const GROUPS: Record<EventGroup, GroupSpec> = { contact, enquiry, sms, label };
