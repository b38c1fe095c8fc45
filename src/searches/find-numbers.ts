/** Get Number List: every number of one type (Virtual, Service, Alphanumeric), 500 per CINNOX request. */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { numberOf } from '../cinnox/values';
import { NUMBER_TYPES } from '../cinnox/contract';
import { choice, input, inputFieldsOf, parseInput } from '../input/schema';
import { NUMBER_OUTPUT_FIELDS, NUMBER_SAMPLE, toNumberResult } from '../records/number';
import type { Example } from '../examples';

const FIND_NUMBERS_INPUT = input({
  number_type: choice(
    { label: 'Number Type', helpText: 'Which of your CINNOX numbers to list.', required: true },
    NUMBER_TYPES,
  ),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_NUMBERS_INPUT, bundle.inputData);
  const records = await cinnox.listAllNumbers(z, bundle, input.number_type);
  return records.filter((r) => numberOf(r)).map(toNumberResult);
}) satisfies SearchPerform;

export default defineSearch({
  key: 'find_numbers',
  noun: 'Number',
  display: {
    label: 'Get Number List',
    description:
      'Lists the numbers of your CINNOX service of one type: Virtual Numbers, Service Numbers or Alphanumeric sender IDs.',
  },
  operation: {
    inputFields: inputFieldsOf(FIND_NUMBERS_INPUT),
    perform,
    sample: { ...NUMBER_SAMPLE },
    outputFields: NUMBER_OUTPUT_FIELDS,
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = { inputData: { number_type: 'cli' } };
