/**
 * CINNOX numbers (docs/cinnox-api.md §1.4 / §1.5, assumption A4): a number-list record → the Get Number List
 * result, with its output fields and sample.
 */
import type { PlainOutputField } from 'zapier-platform-core';
import type { NumberRecord } from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText, countryOf, numberOf } from '../cinnox/values';

export interface NumberResult {
  id: string;
  ServiceID: string;
  Number: string;
  type: string;
  country: string;
  /** ISO 8601 in UTC; '' when CINNOX gave none or something that is not a date. */
  expireDate: string;
}

export const toNumberResult = (record: NumberRecord): NumberResult => ({
  id: numberOf(record),
  ServiceID: asText(record.ServiceID ?? record.serviceID),
  Number: numberOf(record),
  type: asText(record.type),
  country: countryOf(record),
  expireDate: isoDateTime(record.expireDate) ?? '',
});

/** A typical number as Get Number List returns it. */
export const NUMBER_SAMPLE: NumberResult = {
  id: '+85230001234',
  ServiceID: 'svc-8f2e41',
  Number: '+85230001234',
  type: 'DID',
  country: 'HK',
  expireDate: '2027-11-07T00:00:00.000Z',
};

/** outputFields of Get Number List. */
export const NUMBER_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'ID (the Number)' },
  { key: 'ServiceID', label: 'Service ID' },
  { key: 'Number', label: 'Number' },
  { key: 'type', label: 'Type (CUSTOM, ALPHANUMERIC, TF or DID)' },
  { key: 'country', label: 'Country' },
  { key: 'expireDate', label: 'Expiry Date', type: 'datetime' },
];
