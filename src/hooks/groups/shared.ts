/**
 * What every event group module (contact.ts, enquiry.ts, sms-receipt.ts, label.ts) declares, and the
 * event helpers they share: the event id, the event time, the status, the service id.
 *
 * Each normaliser returns every key any trigger of its group may output; the trigger factory
 * (src/hooks/factory.ts) keeps exactly the keys a trigger declares in its outputFields. A missing field
 * is '' (never a crash).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { SubscriptionName } from '../../cinnox/contract';
import { isoDateTime } from '../../cinnox/dates';
import { asText } from '../../cinnox/values';
import { fingerprint, pick, type Raw } from '../payload';

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

/** The event's status, as triggers compare it. */
export const statusOf = (event: Raw): string => asText(pick(event, 'status', 'Status'));

/** A group as its module declares it: `accepts` defaults to every event, `statusOf` to the event's status. */
export function defineGroup(spec: Omit<GroupSpec, 'accepts' | 'statusOf'> & Partial<GroupSpec>): GroupSpec {
  return { accepts: () => true, statusOf, ...spec };
}

/** How many records performList shows. */
export const LIST_SAMPLE_SIZE = 3;

/** A date as ISO 8601 in UTC, '' when absent or unreadable (the app's one date reader: src/cinnox/dates.ts). */
export const isoDate = (value: unknown): string => isoDateTime(value) ?? '';

/**
 * The most characters of a record id an event's id or a details pointer is made from. CINNOX's ids are a few dozen
 * characters; a longer value names no record (and Zapier's pointers hold at most 12,000 characters: a longer id
 * would fail the whole delivery). Such an event keeps its other values; its id is a fingerprint, it loads no details.
 */
export const RECORD_ID_MAX_CHARS = 256;
/** True for a value that can be a record's id: not empty, at most RECORD_ID_MAX_CHARS. */
export const isRecordId = (id: string): boolean => id !== '' && id.length <= RECORD_ID_MAX_CHARS;

/** An id unique per event: the record's id (else a fingerprint), the status, and the event's time (else the receipt time). */
export function eventIdOf(event: Raw, recordId: string, status: string, time: string): string {
  return [isRecordId(recordId) ? recordId : fingerprint(event), status, time].filter(Boolean).join(':');
}

/** When the event happened, else when it reached Zapier. */
export const eventTime = (event: Raw, ctx: NormalizeContext): string =>
  isoDate(pick(event, 'updatedAt', 'timestamp', 'eventTime', 'date')) || ctx.receivedAt;

/** The CINNOX service the event belongs to. */
export const serviceIdOf = (event: Raw): string => asText(pick(event, 'serviceId', 'ServiceID', 'svcID'));

/** Every sample event happened at this time, in this service. */
export const SAMPLE = { time: '2024-05-31T08:15:00.000Z', serviceId: 'svc-1a2b3c' } as const;
