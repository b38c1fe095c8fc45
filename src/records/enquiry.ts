/**
 * Enquiries: a CINNOX Enquiry Details record (docs/cinnox-api.md §2.1) → the Find Enquiry result, with its
 * output fields and sample. Dates are ISO 8601 in UTC, null when CINNOX left them out or sent something
 * that is not a date (src/cinnox/dates.ts).
 */
import type { PlainOutputField } from 'zapier-platform-core';
import type { EnquiryRecord } from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText } from '../cinnox/values';

/** The result's keys, in §2.1's order (the two objects' keys below). */
const ENQUIRY_KEYS = [
  '_id',
  'uniqueKey',
  'createdAt',
  'svcID',
  'inquiry',
  'tag',
  'visitor',
  'roomID',
  'initChannel',
  'omniType',
  'ip',
  'language',
  'location',
  'locationDetail',
  'platform',
  'status',
  'closedByType',
  'displayCaseNumber',
  'channel',
  'destinationID',
  'destinationName',
  'destinationType',
  'destinationEndPoint',
  'handledType',
  'handledTarget',
  'handledPartyName',
  'huntedStaffTargetHistory',
  'channelDetail',
  'inquiryType',
  'updatedAt',
  'closedAt',
  'inquiryGroup',
  'transferredParty',
  'pickedUpAt',
  'missedAt',
  'reopenedAt',
  'handledPartyDepartment',
  'visitorName',
  'closeDuration',
  'historyJoined',
  'attachment',
  'staffFirstName',
  'staffLastName',
  'visitorFirstName',
  'visitorLastName',
  'inquiryDeepLink',
  'cid',
] as const;
const LOCATION_DETAIL_KEYS = ['regionCode', 'subdivision', 'city', 'province'] as const;
const CHANNEL_DETAIL_KEYS = ['type', 'id', 'maaiiDisplayName'] as const;
const DATE_KEYS = new Set(['createdAt', 'updatedAt', 'closedAt', 'pickedUpAt', 'missedAt', 'reopenedAt']);

const LABELS: Record<string, string> = {
  // `_id` is the enquiry triggers' "Enquiry Record ID" (the event's `eid`, A18); `inquiry` is another id.
  _id: 'Record ID (_id)',
  uniqueKey: 'Unique Key (internal)',
  createdAt: 'Created At',
  svcID: 'Service Account ID',
  inquiry: 'Enquiry ID (inquiry)',
  tag: 'Tag ID',
  visitor: 'Visitor ID',
  roomID: 'Room ID',
  initChannel: 'Initial Channel (CALL or IM)',
  omniType: 'Omni-channel Type',
  ip: 'Visitor IP Address',
  language: 'Language',
  location: 'Location',
  platform: 'Platform',
  status: 'Status',
  closedByType: 'Closed By',
  displayCaseNumber: 'Display Case Number',
  channel: 'Channel',
  destinationID: 'Destination ID',
  destinationName: 'Destination Name',
  destinationType: 'Destination Type',
  destinationEndPoint: 'Destination Endpoint',
  handledType: 'Handled Type',
  handledTarget: 'Handled Target',
  handledPartyName: 'Handled By',
  huntedStaffTargetHistory: 'Staff Who Picked Up',
  inquiryType: 'Enquiry Type',
  updatedAt: 'Updated At',
  closedAt: 'Closed At',
  inquiryGroup: 'Enquiry Group',
  transferredParty: 'Transferred To',
  pickedUpAt: 'Picked Up At',
  missedAt: 'Missed At',
  reopenedAt: 'Reopened At',
  handledPartyDepartment: 'Handler Department ID',
  visitorName: 'Visitor Name',
  closeDuration: 'Duration (ms)',
  historyJoined: 'Staff Who Joined',
  attachment: 'Has Attachment',
  staffFirstName: 'Staff First Name',
  staffLastName: 'Staff Last Name',
  visitorFirstName: 'Visitor First Name',
  visitorLastName: 'Visitor Last Name',
  inquiryDeepLink: 'Enquiry Deep Link',
  cid: 'CID (internal)',
  locationDetail__regionCode: 'Location Region Code',
  locationDetail__subdivision: 'Location Subdivision',
  locationDetail__city: 'Location City',
  locationDetail__province: 'Location Province',
  channelDetail__type: 'Channel Detail Type',
  channelDetail__id: 'Channel Detail ID',
  channelDetail__maaiiDisplayName: 'Channel Display Name',
};

export type EnquiryResult = Record<string, unknown> & { id: string };

const objectOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const pick = (source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));

/** One enquiry with every key of ENQUIRY_KEYS (null when CINNOX left it out), extra CINNOX keys passed through. */
export function toEnquiryResult(record: EnquiryRecord): EnquiryResult {
  const location = { ...objectOf(record.locationDetail) };
  // §2.1 lists the province as `locationDetailprovince` (sic).
  if (location.province === undefined && record.locationDetailprovince !== undefined)
    location.province = record.locationDetailprovince;
  const result: Record<string, unknown> = { ...record };
  delete result.locationDetailprovince;
  // The CINNOX Zapier guide spells it `createdAT`: read either, output `createdAt` only.
  delete result.createdAT;
  for (const key of ENQUIRY_KEYS) result[key] = record[key] ?? null;
  result.createdAt = record.createdAt ?? record.createdAT ?? null;
  result._id = record._id ?? record.id ?? null;
  result.locationDetail = { ...location, ...pick(location, LOCATION_DETAIL_KEYS) };
  const channelDetail = objectOf(record.channelDetail);
  result.channelDetail = { ...channelDetail, ...pick(channelDetail, CHANNEL_DETAIL_KEYS) };
  for (const key of DATE_KEYS) result[key] = isoDateTime(result[key]);
  return { ...result, id: asText(result._id) || asText(record.inquiry) || asText(record.displayCaseNumber) };
}

/** A typical enquiry as Find Enquiry returns it. */
export const ENQUIRY_SAMPLE = toEnquiryResult({
  _id: '6650a1b2c3d4e5f607182930',
  uniqueKey: 'a1b2c3d4',
  createdAt: '2024-05-24T08:15:30.000Z',
  svcID: 'svc-8f2e41',
  inquiry: 'inq-7d3f9a',
  tag: 'tag-sales',
  visitor: 'vis-4c2b1a',
  roomID: 'room-91e0ab',
  initChannel: 'IM',
  omniType: 'CINNOX',
  ip: '203.0.113.24',
  language: 'en',
  location: 'HK',
  locationDetail: { regionCode: 'HK', subdivision: 'HK-KLN', city: 'Kowloon', province: 'Kowloon' },
  platform: 'web',
  status: 'closed',
  closedByType: 'staff',
  displayCaseNumber: '100245',
  channel: 'Web Link',
  destinationID: 'grp-support',
  destinationName: 'Support',
  destinationType: 'STAFF',
  destinationEndPoint: 'support',
  handledType: 'STAFF',
  handledTarget: 'staff-5f0c3a',
  handledPartyName: 'Ann Lee',
  huntedStaffTargetHistory: ['staff-5f0c3a'],
  channelDetail: { type: 'Tag', id: 'tag-sales', maaiiDisplayName: 'Sales' },
  inquiryType: 'Broadcast',
  updatedAt: '2024-05-24T08:40:02.000Z',
  closedAt: '2024-05-24T08:40:02.000Z',
  inquiryGroup: 'grp-support',
  transferredParty: '',
  pickedUpAt: '2024-05-24T08:16:05.000Z',
  missedAt: null,
  reopenedAt: null,
  handledPartyDepartment: 'dept-cs',
  visitorName: 'Chris Wong',
  closeDuration: 1472000,
  historyJoined: ['staff-5f0c3a'],
  attachment: false,
  staffFirstName: 'Ann',
  staffLastName: 'Lee',
  visitorFirstName: 'Chris',
  visitorLastName: 'Wong',
  inquiryDeepLink: 'https://example.cinnox.com/dashboard/enquiry/inq-7d3f9a',
  cid: 'cid-001',
});

const OUTPUT_KEYS = [
  'id',
  ...ENQUIRY_KEYS.flatMap((key) =>
    key === 'locationDetail'
      ? LOCATION_DETAIL_KEYS.map((k) => `locationDetail__${k}`)
      : key === 'channelDetail'
        ? CHANNEL_DETAIL_KEYS.map((k) => `channelDetail__${k}`)
        : [key],
  ),
];

/** outputFields of Find Enquiry (nested keys with Zapier's `__`). */
export const ENQUIRY_OUTPUT_FIELDS: PlainOutputField[] = OUTPUT_KEYS.map((key) => ({
  key,
  label: key === 'id' ? 'ID' : (LABELS[key] ?? key),
  ...(DATE_KEYS.has(key) ? { type: 'datetime' as const } : {}),
}));
