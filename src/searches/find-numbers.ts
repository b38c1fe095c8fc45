/** Get Number List: every number of one type (Virtual, Service, Alphanumeric), 500 per CINNOX request. */
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import type { NumberRecord, NumberType } from '../cinnox/contract';
import { toInputFields, validateInput } from '../schemas';
import { FIND_NUMBERS_FIELDS } from '../schemas/messaging';
import { countryOf, numberOf, text } from '../cinnox/values';
import { isoDateTime } from '../cinnox/dates';

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
  ServiceID: text(record.ServiceID ?? record.serviceID),
  Number: numberOf(record),
  type: text(record.type),
  country: countryOf(record),
  expireDate: isoDateTime(record.expireDate) ?? '',
});

async function perform(z: ZObject, bundle: Bundle): Promise<NumberResult[]> {
  const input = await validateInput(z, FIND_NUMBERS_FIELDS, bundle.inputData);
  const records = await cinnox.listAllNumbers(z, bundle, input.number_type as NumberType);
  return records.filter((r) => numberOf(r)).map(toNumberResult);
}

export const findNumbers = defineSearch({
  key: 'find_numbers',
  noun: 'Number',
  display: {
    label: 'Get Number List',
    description:
      'Lists the numbers of your CINNOX service of one type: Virtual Numbers, Service Numbers or Alphanumeric sender IDs.',
  },
  operation: {
    inputFields: toInputFields(FIND_NUMBERS_FIELDS),
    perform,
    sample: {
      id: '+85230001234',
      ServiceID: 'svc-8f2e41',
      Number: '+85230001234',
      type: 'DID',
      country: 'HK',
      expireDate: '2027-11-07T00:00:00.000Z',
    },
    outputFields: [
      { key: 'id', label: 'ID (the Number)' },
      { key: 'ServiceID', label: 'Service ID' },
      { key: 'Number', label: 'Number' },
      { key: 'type', label: 'Type (CUSTOM, ALPHANUMERIC, TF or DID)' },
      { key: 'country', label: 'Country' },
      { key: 'expireDate', label: 'Expiry Date', type: 'datetime' },
    ],
  },
});
