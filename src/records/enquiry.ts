/**
 * Enquiries: a CINNOX Enquiry Details record (docs/cinnox-api.md §2.1) → the Find Enquiry result, with its
 * output fields and sample. Dates are ISO 8601 in UTC, null when CINNOX left them out or sent something
 * that is not a date (src/cinnox/dates.ts).
 */
import { ENQUIRY_RECORD_ID_KEYS, type EnquiryRecord } from '../cinnox/contract';
import { asText } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

const objectOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** An enquiry's id: its record id (`_id`, else `id`), else its `inquiry` ID, else its display case number. */
export const enquiryIdOf = (record: EnquiryRecord): string =>
  asText(record._id) || asText(record.id) || asText(record.inquiry) || asText(record.displayCaseNumber);

/** An enquiry's identity for de-duplication in a paged read: its record id (A18: `_id`, else `id`), else the record. */
export const keyByEnquiryId = (record: EnquiryRecord): string => {
  const id = ENQUIRY_RECORD_ID_KEYS.map((key) => asText(record?.[key])).find(Boolean);
  return id ? `id:${id}` : JSON.stringify(record);
};

/**
 * At most this many requests of 500 when reading Find Enquiry's candidates, or looking an Enquiry Record ID up in
 * the report window: 2,000 enquiries.
 */
export const ENQUIRY_SEARCH_MAX_PAGES = 4;

/**
 * The Enquiry Details record (§2.1) as Find Enquiry and New or Updated Enquiry give it, in §2.1's order: each key
 * as CINNOX sends it (null when left out), dates as ISO 8601 in UTC. `_id` is the enquiry triggers' "Enquiry Record
 * ID" (the event's `eid`, A18); `inquiry` is another id.
 */
export const ENQUIRY = recordTable({
  id: { label: 'ID', value: enquiryIdOf, sample: '6650a1b2c3d4e5f607182930' },
  _id: { label: 'Record ID (_id)', read: 'asIs', from: ['_id', 'id'], sample: '6650a1b2c3d4e5f607182930' },
  uniqueKey: { label: 'Unique Key (internal)', read: 'asIs', sample: 'a1b2c3d4' },
  // The CINNOX Zapier guide spells it `createdAT`: read either, output `createdAt` only.
  createdAt: {
    label: 'Created At',
    read: 'isoDateOrNull',
    from: ['createdAt', 'createdAT'],
    sample: '2024-05-24T08:15:30.000Z',
    type: 'datetime',
  },
  svcID: { label: 'Service Account ID', read: 'asIs', sample: 'svc-8f2e41' },
  inquiry: { label: 'Enquiry ID (inquiry)', read: 'asIs', sample: 'inq-7d3f9a' },
  tag: { label: 'Tag ID', read: 'asIs', sample: 'tag-sales' },
  visitor: { label: 'Visitor ID', read: 'asIs', sample: 'vis-4c2b1a' },
  roomID: { label: 'Room ID', read: 'asIs', sample: 'room-91e0ab' },
  initChannel: { label: 'Initial Channel (CALL or IM)', read: 'asIs', sample: 'IM' },
  omniType: { label: 'Omni-channel Type', read: 'asIs', sample: 'CINNOX' },
  ip: { label: 'Visitor IP Address', read: 'asIs', sample: '203.0.113.24' },
  language: { label: 'Language', read: 'asIs', sample: 'en' },
  location: { label: 'Location', read: 'asIs', sample: 'HK' },
  locationDetail: {
    label: 'Location',
    from: ['locationDetail'],
    columns: {
      regionCode: { label: 'Region Code', read: 'asIs', sample: 'HK' },
      subdivision: { label: 'Subdivision', read: 'asIs', sample: 'HK-KLN' },
      city: { label: 'City', read: 'asIs', sample: 'Kowloon' },
      // §2.1 lists it as the top-level `locationDetailprovince` (sic): toEnquiryResult moves it in here.
      province: { label: 'Province', read: 'asIs', sample: 'Kowloon' },
    },
  },
  platform: { label: 'Platform', read: 'asIs', sample: 'web' },
  status: { label: 'Status', read: 'asIs', sample: 'closed' },
  closedByType: { label: 'Closed By', read: 'asIs', sample: 'staff' },
  displayCaseNumber: { label: 'Display Case Number', read: 'asIs', sample: '100245' },
  channel: { label: 'Channel', read: 'asIs', sample: 'Web Link' },
  destinationID: { label: 'Destination ID', read: 'asIs', sample: 'grp-support' },
  destinationName: { label: 'Destination Name', read: 'asIs', sample: 'Support' },
  destinationType: { label: 'Destination Type', read: 'asIs', sample: 'STAFF' },
  destinationEndPoint: { label: 'Destination Endpoint', read: 'asIs', sample: 'support' },
  handledType: { label: 'Handled Type', read: 'asIs', sample: 'STAFF' },
  handledTarget: { label: 'Handled Target', read: 'asIs', sample: 'staff-5f0c3a' },
  handledPartyName: { label: 'Handled By', read: 'asIs', sample: 'Ann Lee' },
  huntedStaffTargetHistory: { label: 'Staff Who Picked Up', read: 'asIs', sample: ['staff-5f0c3a'] },
  channelDetail: {
    label: 'Channel Detail',
    from: ['channelDetail'],
    columns: {
      type: { label: 'Type', read: 'asIs', sample: 'Tag' },
      id: { label: 'ID', read: 'asIs', sample: 'tag-sales' },
      maaiiDisplayName: { label: 'Display Name', read: 'asIs', sample: 'Sales' },
    },
  },
  inquiryType: { label: 'Enquiry Type', read: 'asIs', sample: 'Broadcast' },
  updatedAt: {
    label: 'Updated At',
    read: 'isoDateOrNull',
    sample: '2024-05-24T08:40:02.000Z',
    type: 'datetime',
  },
  closedAt: { label: 'Closed At', read: 'isoDateOrNull', sample: '2024-05-24T08:40:02.000Z', type: 'datetime' },
  inquiryGroup: { label: 'Enquiry Group', read: 'asIs', sample: 'grp-support' },
  transferredParty: { label: 'Transferred To', read: 'asIs', sample: '' },
  pickedUpAt: { label: 'Picked Up At', read: 'isoDateOrNull', sample: '2024-05-24T08:16:05.000Z', type: 'datetime' },
  missedAt: { label: 'Missed At', read: 'isoDateOrNull', sample: null, type: 'datetime' },
  reopenedAt: { label: 'Reopened At', read: 'isoDateOrNull', sample: null, type: 'datetime' },
  handledPartyDepartment: { label: 'Handler Department ID', read: 'asIs', sample: 'dept-cs' },
  visitorName: { label: 'Visitor Name', read: 'asIs', sample: 'Chris Wong' },
  closeDuration: { label: 'Duration (ms)', read: 'asIs', sample: 1472000 },
  historyJoined: { label: 'Staff Who Joined', read: 'asIs', sample: ['staff-5f0c3a'] },
  attachment: { label: 'Has Attachment', read: 'asIs', sample: false },
  staffFirstName: { label: 'Staff First Name', read: 'asIs', sample: 'Ann' },
  staffLastName: { label: 'Staff Last Name', read: 'asIs', sample: 'Lee' },
  visitorFirstName: { label: 'Visitor First Name', read: 'asIs', sample: 'Chris' },
  visitorLastName: { label: 'Visitor Last Name', read: 'asIs', sample: 'Wong' },
  inquiryDeepLink: {
    label: 'Enquiry Deep Link',
    read: 'asIs',
    sample: 'https://example.cinnox.com/dashboard/enquiry/inq-7d3f9a',
  },
  cid: { label: 'CID (internal)', read: 'asIs', sample: 'cid-001' },
});

export type EnquiryResult = Record<string, unknown> & OutputOf<typeof ENQUIRY.columns>;

/** One enquiry with every key of the table (null when CINNOX left it out); CINNOX's other keys passed through. */
export function toEnquiryResult(record: EnquiryRecord): EnquiryResult {
  const { locationDetailprovince, createdAT: _createdAT, ...rest } = record;
  const location = { ...objectOf(record.locationDetail) };
  if (location.province === undefined && locationDetailprovince !== undefined)
    location.province = locationDetailprovince;
  const mapped = ENQUIRY.map({ ...record, locationDetail: location });
  return {
    ...rest,
    ...mapped,
    locationDetail: { ...location, ...mapped.locationDetail },
    channelDetail: { ...objectOf(record.channelDetail), ...mapped.channelDetail },
  };
}

/** A typical enquiry as Find Enquiry returns it. */
export const ENQUIRY_SAMPLE: EnquiryResult = ENQUIRY.sample;

/** outputFields of Find Enquiry (nested keys with Zapier's `__`). */
export const ENQUIRY_OUTPUT_FIELDS = ENQUIRY.outputFields;
