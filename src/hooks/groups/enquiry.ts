/**
 * The enquiry event group (`inquiry-event-sub`, docs/cinnox-api.md §2.5): opened, handled by staff,
 * closed, missed. Its normaliser, its recent records for performList (Enquiry Details, §2.1), its output
 * fields and samples.
 */
import { cinnox } from '../../cinnox/client';
import {
  ENQUIRY_RECORD_ID_KEYS,
  ENQUIRY_RECORD_STATUSES,
  SUBSCRIPTIONS,
  type EnquiryRecord,
} from '../../cinnox/contract';
import { asText } from '../../cinnox/values';
import { folded, pick } from '../payload';
import { LIST_SAMPLE_SIZE, SAMPLE, defineGroup, eventIdOf, isoDate, serviceIdOf, statusOf } from './shared';

/** How many recent enquiries performList reads to find LIST_SAMPLE_SIZE in the trigger's status. */
export const ENQUIRY_LIST_FETCH = 20;

/** The enquiry's record id (A18: `_id`, else `id`), '' when it has none. */
function recordIdOf(record: EnquiryRecord): string {
  for (const key of ENQUIRY_RECORD_ID_KEYS) {
    const id = asText(record[key]);
    if (id) return id;
  }
  return '';
}

/** An Enquiry Details record (§2.1) as the event of `status` it stands for. */
function asEvent(record: EnquiryRecord, status: string) {
  const initChannel = folded(record.initChannel);
  const medium = initChannel === 'call' ? 'Call' : initChannel === 'im' ? 'Chat' : '';
  return {
    status,
    // The event's `eid` is the enquiry's record id (A18), never its `inquiry` ID.
    enquiryID: recordIdOf(record),
    displayCaseNumber: record.displayCaseNumber,
    type: [asText(record.inquiryType), medium].filter(Boolean).join(' '),
    channel: record.channel,
    // §2.1 spells it createdAt; createdAT (sic) is read too.
    date: record.createdAt ?? record.createdAT,
    destination: record.destinationID,
    destinationTypes: record.destinationType,
    serviceId: record.svcID,
  };
}

export const enquiryGroup = defineGroup({
  subscription: SUBSCRIPTIONS.enquiry,
  events: 'enquiry events (opened, handled by staff, closed, missed)',
  normalize(event, ctx) {
    // The record id (A18): §2.5's `eid`, the CINNOX Zapier guide's `enquiryID`; never the `inquiry` ID.
    const enquiryID = asText(pick(event, 'enquiryID', 'eid'));
    const status = statusOf(event);
    // The Open API notification's `type` is the constant "inquiry" (§2.5), not the enquiry type.
    const rawType = asText(pick(event, 'type'));
    const type = rawType.toLowerCase() === 'inquiry' ? asText(pick(event, 'inquiryType', 'enquiryType')) : rawType;
    const date = isoDate(pick(event, 'date', 'createdAt'));
    return {
      id: eventIdOf(event, enquiryID, status, date || ctx.receivedAt),
      status,
      enquiryID,
      displayCaseNumber: asText(pick(event, 'displayCaseNumber')),
      type,
      channel: asText(pick(event, 'channel')),
      date,
      destination: asText(pick(event, 'destination', 'destinationID')),
      destinationTypes: asText(pick(event, 'destinationTypes', 'destinationType')),
      serviceId: serviceIdOf(event),
    };
  },
  async recent(z, bundle, status) {
    // Only records whose own status is the trigger's (A19): "Missed Enquiry" never shows a closed enquiry.
    const wanted = ENQUIRY_RECORD_STATUSES[status] ?? [];
    const records = await cinnox.recentEnquiries(z, bundle, ENQUIRY_LIST_FETCH);
    return records
      .filter((r) => wanted.includes(folded(r.status)))
      .slice(0, LIST_SAMPLE_SIZE)
      .map((r) => asEvent(r, status));
  },
});

/**
 * Enquiry triggers' output fields. `enquiryID`, the key of the CINNOX Zapier guide
 * (https://docs.cinnox.com/docs/zapier), is the enquiry's record id: the event's `eid` (A18), which Find
 * Enquiry shows as "Record ID (_id)", not its "Enquiry ID (inquiry)".
 */
export const ENQUIRY_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'enquiryID', label: 'Enquiry Record ID' },
  { key: 'displayCaseNumber', label: 'Display Case Number' },
  { key: 'type', label: 'Enquiry Type' },
  { key: 'channel', label: 'Channel' },
  { key: 'date', label: 'Date', type: 'datetime' },
  { key: 'destination', label: 'Destination ID' },
  { key: 'destinationTypes', label: 'Destination Types' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** What every enquiry trigger declares alike. */
export const ENQUIRY_TRIGGER = { noun: 'Enquiry', group: 'enquiry', outputFields: ENQUIRY_FIELDS } as const;

/** An enquiry trigger's sample: one enquiry, in `status`, of the given enquiry type and destination type. */
export function enquiryEventSample(
  status: string,
  { type, destinationTypes }: { type: string; destinationTypes: string },
) {
  const enquiryID = '64a1f0c2e4b0a1b2c3d4e5f6';
  return {
    id: `${enquiryID}:${status}:${SAMPLE.time}`,
    status,
    enquiryID,
    displayCaseNumber: 'EQ-000123',
    type,
    channel: 'WHATSAPP',
    date: SAMPLE.time,
    destination: 'dest-5e6f7a',
    destinationTypes,
    serviceId: SAMPLE.serviceId,
  };
}
