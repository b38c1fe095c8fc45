/** Get Number List: every number of one type (Virtual, Service, Alphanumeric), 500 per CINNOX request. */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { numberOf } from '../cinnox/values';
import { FIND_NUMBERS_FIELDS } from '../fields/lookups';
import { toInputFields } from '../fields/spec';
import { NUMBER_OUTPUT_FIELDS, NUMBER_SAMPLE, toNumberResult } from '../records/number';
import { validateInput } from '../validation';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_NUMBERS_FIELDS, bundle.inputData);
  const records = await cinnox.listAllNumbers(z, bundle, input.number_type);
  return records.filter((r) => numberOf(r)).map(toNumberResult);
}) satisfies SearchPerform;

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
    sample: { ...NUMBER_SAMPLE },
    outputFields: NUMBER_OUTPUT_FIELDS,
  },
});
