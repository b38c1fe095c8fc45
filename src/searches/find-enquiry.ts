/**
 * Find Enquiry (by Display Case Number): the enquiry's details (docs/cinnox-api.md §2.1), mapped by
 * src/records/enquiry.ts. No enquiry with that number is an empty result, not an error.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { asText } from '../cinnox/values';
import { id, input, inputFieldsOf, parseInput } from '../input/schema';
import { ENQUIRY_OUTPUT_FIELDS, ENQUIRY_SAMPLE, toEnquiryResult } from '../records/enquiry';
import type { Example } from '../examples';

const FIND_ENQUIRY_INPUT = input({
  display_case_number: id({
    label: 'Display Case Number',
    helpText: 'The enquiry number shown in the CINNOX Dashboard (displayCaseNumber).',
    required: true,
    hint: 'Enter the enquiry number as the CINNOX Dashboard shows it, or map Display Case Number from an enquiry trigger.',
  }),
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_ENQUIRY_INPUT, bundle.inputData);
  const wanted = input.display_case_number.toLowerCase();
  const records = await cinnox.findEnquiries(z, bundle, input.display_case_number);
  // CINNOX may match loosely or ignore the filter: keep the enquiries with exactly this number.
  return records.filter((r) => asText(r.displayCaseNumber).toLowerCase() === wanted).map(toEnquiryResult);
}) satisfies SearchPerform;

export const findEnquiry = defineSearch({
  key: 'find_enquiry',
  noun: 'Enquiry',
  display: {
    label: 'Find Enquiry (by Display Case Number)',
    description: 'Finds an enquiry by the Display Case Number shown in the CINNOX Dashboard and returns its details.',
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
