/**
 * CINNOX numbers (docs/cinnox-api.md §1.4 / §1.5, assumption A4): a number-list record → the Get Number List
 * result, with its output fields and sample; and the read both number drop-downs make of one page of numbers.
 */
import type { ZObject } from 'zapier-platform-core';
import { dropdownPage, type AuthBundle } from '../cinnox/client';
import { numberListPath, type NumberRecord, type NumberType } from '../cinnox/contract';
import { asE164, countryOf, numberOf } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

/**
 * The record's number in E.164: one CINNOX lists as digits gets its "+" back, so it maps into Send SMS's Sender
 * Number as the drop-down's does; an Alphanumeric sender ID stays as it is.
 */
const e164NumberOf = (record: NumberRecord): string => asE164(numberOf(record));

/** A number's identity for de-duplication in a paged read: the number, else the whole record. */
export const keyByNumber = (record: NumberRecord): string => {
  const number = numberOf(record);
  return number ? `number:${number}` : JSON.stringify(record);
};

/** The numbers of one type of one drop-down page (`page` from 0): Sender Number's and Sender ID's drop-downs. */
export const numbersDropdownPage = (z: ZObject, bundle: AuthBundle, type: NumberType, page: number) =>
  dropdownPage<NumberRecord>(z, bundle, numberListPath(type), keyByNumber, page);

/** The number-list record as Get Number List returns it: each key once. */
export const NUMBER = recordTable({
  id: { label: 'ID (the Number)', value: e164NumberOf, sample: '+85230001234' },
  ServiceID: { label: 'Service ID', read: 'text', from: ['ServiceID', 'serviceID'], sample: 'svc-8f2e41' },
  Number: { label: 'Number', value: e164NumberOf, sample: '+85230001234' },
  type: { label: 'Type (CUSTOM, ALPHANUMERIC, TF or DID)', read: 'text', sample: 'DID' },
  country: { label: 'Country', value: (record: NumberRecord) => countryOf(record), sample: 'HK' },
  expireDate: { label: 'Expiry Date', read: 'isoDate', type: 'datetime', sample: '2027-11-07T00:00:00.000Z' },
});
export type NumberResult = OutputOf<typeof NUMBER.columns>;

export const toNumberResult = (record: NumberRecord): NumberResult => NUMBER.map(record);
/** A typical number as Get Number List returns it. */
export const NUMBER_SAMPLE: NumberResult = NUMBER.sample;
/** outputFields of Get Number List. */
export const NUMBER_OUTPUT_FIELDS = NUMBER.outputFields;
