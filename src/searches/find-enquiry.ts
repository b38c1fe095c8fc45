/**
 * Find Enquiry (by Display Case Number): the enquiry's details (docs/cinnox-api.md §2.1), mapped by
 * src/records/enquiry.ts. Enquiry Details is a report: it answers only with a time window (6451000 "Empty time
 * range" without one, §0.3), so the search looks among the enquiries of the last REPORT_WINDOW_DAYS days (A6), and
 * says so in its field's help text. Every candidate page is read (bounded: ENQUIRY_SEARCH_MAX_PAGES); no enquiry
 * with that number (6451011 included) is an empty result only when every candidate was read, else an error.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { readPages, reportWindow } from '../cinnox/client';
import {
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_DETAIL_PATH,
  REPORT_WINDOW_DAYS,
  type EnquiryRecord,
} from '../cinnox/contract';
import { asText } from '../cinnox/values';
import { id, input, inputFieldsOf, labelOf, parseInput } from '../input/schema';
import {
  ENQUIRY_OUTPUT_FIELDS,
  ENQUIRY_SAMPLE,
  ENQUIRY_SEARCH_MAX_PAGES,
  keyByEnquiryId,
  toEnquiryResult,
} from '../records/enquiry';
import { incompleteReadError } from '../records/incomplete-read';
import type { Example } from '../examples';

const displayCaseNumber = id({
  label: 'Display Case Number',
  helpText:
    `The enquiry number shown in the CINNOX Dashboard (displayCaseNumber). CINNOX's Enquiry Details report is read for the last ${REPORT_WINDOW_DAYS} days: ` +
    `an enquiry created before that is not found, even if it exists.`,
  required: true,
  hint: 'Enter the enquiry number as the CINNOX Dashboard shows it, or map Display Case Number from an enquiry trigger.',
  cinnox: ENQUIRY_CASE_NUMBER_PARAM,
});
const FIND_ENQUIRY_INPUT = input({ display_case_number: displayCaseNumber });

const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_ENQUIRY_INPUT, bundle.inputData);
  const wanted = input.display_case_number.toLowerCase();
  // A5: Enquiry Details filtered by displayCaseNumber, among the report window's (A6: the report refuses a read
  // without one, 6451000 "Empty time range"); every page, bounded.
  const pages = await readPages<EnquiryRecord>(
    z,
    bundle,
    ENQUIRY_DETAIL_PATH,
    { [ENQUIRY_CASE_NUMBER_PARAM]: input.display_case_number, ...reportWindow() },
    keyByEnquiryId,
    ENQUIRY_SEARCH_MAX_PAGES,
    { fields: FIND_ENQUIRY_INPUT.refusalLabels },
  );
  // CINNOX may match loosely or ignore the filter: keep the enquiries with exactly this number.
  const found = pages.records.filter((r) => asText(r?.displayCaseNumber).toLowerCase() === wanted).map(toEnquiryResult);
  if (found.length > 0 || pages.end === 'complete') return found;
  throw incompleteReadError(
    z,
    {
      step: 'Find Enquiry',
      field: labelOf(displayCaseNumber),
      value: input.display_case_number,
      maxPages: ENQUIRY_SEARCH_MAX_PAGES,
      filter: 'the displayCaseNumber filter',
      assumption: 'A5',
    },
    pages,
  );
}) satisfies SearchPerform;

export default defineSearch({
  key: 'find_enquiry',
  noun: 'Enquiry',
  display: {
    label: 'Find Enquiry (by Display Case Number)',
    description: `Finds an enquiry of the last ${REPORT_WINDOW_DAYS} days by the Display Case Number shown in the CINNOX Dashboard and returns its details.`,
  },
  operation: {
    inputFields: inputFieldsOf(FIND_ENQUIRY_INPUT),
    perform,
    sample: ENQUIRY_SAMPLE,
    outputFields: ENQUIRY_OUTPUT_FIELDS,
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // The sandbox's closed enquiry.
  inputData: { display_case_number: '1001' },
  onAccount: ({ env, listed }) => {
    const caseNumber = env.CINNOX_CHECK_CASE_NUMBER?.trim() || listed('displayCaseNumber');
    return caseNumber
      ? { display_case_number: caseNumber }
      : {
          skip:
            'no enquiry case number: CINNOX listed no enquiry in the last 7 days. ' +
            'Run with CINNOX_CHECK_CASE_NUMBER set to the case number of an enquiry of this account.',
        };
  },
};
