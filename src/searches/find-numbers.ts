/** Get Number List: every number of one type (Virtual, Service, Alphanumeric), 500 per CINNOX request. */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { readPages } from '../cinnox/client';
import { numberOf } from '../cinnox/values';
import { LIST_PAGE_MAX, NUMBER_TYPES, numberListPath, type NumberRecord } from '../cinnox/contract';
import { input, inputFieldsOf, parseInput } from '../input/schema';
import { choice } from '../input/choices';
import { NUMBER_OUTPUT_FIELDS, NUMBER_SAMPLE, keyByNumber, toNumberResult } from '../records/number';
import type { Example } from '../examples';

const FIND_NUMBERS_INPUT = input({
  number_type: choice(
    { label: 'Number Type', helpText: 'Which of your CINNOX numbers to list.', required: true },
    NUMBER_TYPES,
  ),
});

/** At most this many requests of 500: 10,000 numbers. */
export const NUMBER_LIST_MAX_PAGES = 20;

/** Every number of one type (A4), each once; more than NUMBER_LIST_MAX_PAGES requests' worth is an error. */
const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_NUMBERS_INPUT, bundle.inputData);
  const path = numberListPath(input.number_type);
  const pages = await readPages<NumberRecord>(z, bundle, path, {}, keyByNumber, NUMBER_LIST_MAX_PAGES);
  if (pages.end === 'repeat') {
    // CINNOX ignoring offset: after a short page (a possible page cap) the numbers read are all there were; after a
    // full page more may follow, which the app cannot read: an error, never part of the list as if it were whole.
    if ((pages.chunks.at(-1)?.length ?? 0) >= LIST_PAGE_MAX)
      throw new z.errors.Error(
        `Get Number List could not read every number: CINNOX answered the request for numbers ${pages.offset + 1} onwards with numbers it had already sent, so it may be ignoring offset (A4), and the list may go on past the ${pages.records.length.toLocaleString('en')} read. The app does not return part of the list as if it were whole. Report this to the app's developers.`,
        'CinnoxPagingIgnored',
        400,
      );
    z.console.log(
      `CINNOX: ${path} answered offset ${pages.offset} with numbers already read (it may ignore offset); the ${pages.records.length} numbers of its short page are the list.`,
    );
  }
  if (pages.end === 'bound')
    throw new z.errors.Error(
      `Get Number List read ${pages.records.length.toLocaleString('en')} records (${NUMBER_LIST_MAX_PAGES} requests of ${LIST_PAGE_MAX}) without reaching the end of CINNOX's list, and stops there rather than return part of it. If your account has more numbers of this type than that, report this to the app's developers.`,
      'CinnoxTooManyRecords',
      400,
    );
  return pages.records.filter((r) => numberOf(r)).map(toNumberResult);
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
