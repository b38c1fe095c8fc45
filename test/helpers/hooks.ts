import type { Bundle, ZObject } from 'zapier-platform-core';
import { App, appTester, bundleWith } from './app';

type Fn = (z: ZObject, bundle: Bundle) => Promise<unknown>;

export interface HookOperation {
  type: string;
  perform: Fn;
  performList: Fn;
  performSubscribe: Fn;
  performUnsubscribe: Fn;
  outputFields: { key: string; label?: string; type?: string; primary?: boolean }[];
  sample: Record<string, unknown>;
}

export interface HookTrigger {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: HookOperation;
}

export const hookTrigger = (key: string): HookTrigger => {
  const trigger = (App.triggers as Record<string, unknown> | undefined)?.[key];
  if (!trigger) throw new Error(`trigger ${key} is not registered`);
  return trigger as HookTrigger;
};

export const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/abc/';
export const OTHER_URL = 'https://hooks.zapier.com/hooks/standard/2/xyz/';

/** Zapier's dehydration pointer for the contact-details hydrator. */
export const detailsPointer = (contactId: string): string =>
  `hydrate|||${JSON.stringify({ type: 'method', method: 'hydrators.contactDetails', bundle: { contactId } })}|||hydrate`;

/** Zapier's dehydration pointer for the enquiry-transcript hydrator. */
export const transcriptPointer = (displayCaseNumber: string, enquiryID: string): string =>
  `hydrate|||${JSON.stringify({ type: 'method', method: 'hydrators.enquiryTranscript', bundle: { displayCaseNumber, enquiryID } })}|||hydrate`;

/** Zapier's dehydration pointer for the Transcript File's hydrator (a file pointer: `type: 'file'`). */
export const transcriptFilePointer = (bundle: {
  displayCaseNumber: string;
  enquiryID: string;
  channel: string;
  date: string;
}): string =>
  `hydrate|||${JSON.stringify({ type: 'file', method: 'hydrators.enquiryTranscriptFile', bundle })}|||hydrate`;

/**
 * The keys of an item the trigger models, sorted: a delivery's item also carries its other keys flattened
 * under `delivery__` (src/hooks/factory.ts), which test/triggers/passed-through.test.ts checks.
 */
export const keysOf = (item: unknown): string[] =>
  Object.keys(item as object)
    .filter((k) => !k.startsWith('delivery__'))
    .sort();

/** An item without the delivery's passed-through keys: what the trigger models. */
export const modelled = (item: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item as object).filter(([k]) => !k.startsWith('delivery__')));

/** The leaf paths of an object in Zapier's `a__b` notation (an empty object is a leaf). */
export function flatKeys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = `${prefix}${key}`;
    return v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
      ? [...flatKeys(v as Record<string, unknown>, `${path}__`)]
      : [path];
  });
}

/** Resolves a dehydration pointer as Zapier does: the named hydrator, run with the pointer's bundle as inputData. */
export async function resolvePointer(pointer: unknown): Promise<unknown> {
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/.exec(String(pointer));
  if (!match) throw new Error(`not a dehydration pointer: ${String(pointer)}`);
  const { method, bundle } = JSON.parse(match[1]!) as { method: string; bundle: Record<string, unknown> };
  const hydrator = (App.hydrators as Record<string, Fn | undefined>)[method.replace(/^hydrators\./, '')];
  if (!hydrator) throw new Error(`no hydrator ${method}`);
  return appTester(hydrator, bundleWith(bundle));
}

/**
 * The top-level output keys of the instant triggers test/triggers/instant-triggers.test.ts covers, written out here
 * (not read from the app), so a key the app drops or adds fails a test.
 */
export const INSTANT_KEYS: Record<string, string[]> = {
  inbound_sms_received: [
    'id',
    'smsId',
    'senderNumber',
    'recipientNumber',
    'receivedAt',
    'contentType',
    'content',
    'eventDescription',
    'serviceId',
  ],
  call_started: [
    'id',
    'status',
    'callId',
    'time',
    'serviceId',
    'callerStaffId',
    'callerNumber',
    'calleeStaffIds',
    'calleeNumbers',
    'callees',
  ],
  call_ended: ['id', 'status', 'callId', 'time', 'serviceId', 'details'],
  recording_ready: ['id', 'status', 'type', 'callId', 'time', 'serviceId'],
  staff_created: ['id', 'status', 'staffId', 'fullName', 'email', 'serviceId'],
  contact_event: ['id', 'status', 'name', 'contactId', 'serviceId', 'fromOwnerID', 'toOwnerID', 'details'],
  enquiry_event: [
    'id',
    'status',
    'enquiryID',
    'displayCaseNumber',
    'type',
    'channel',
    'date',
    'destination',
    'destinationTypes',
    'serviceId',
    'transcript',
    'transcriptFile',
  ],
};
INSTANT_KEYS.staff_edited = INSTANT_KEYS.staff_created!;
INSTANT_KEYS.staff_deleted = INSTANT_KEYS.staff_created!;
