/**
 * Find Enquiry (by Display Case Number): the enquiry's details (docs/cinnox-api.md §2.1), mapped by
 * src/records/enquiry.ts. No enquiry with that number is an empty result, not an error.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { asText } from '../cinnox/values';
import { input, inputFieldsOf, parseInput, text } from '../input/schema';
import { ENQUIRY_OUTPUT_FIELDS, ENQUIRY_SAMPLE, toEnquiryResult } from '../records/enquiry';

const FIND_ENQUIRY_INPUT = input({
  display_case_number: text({
    label: 'Display Case Number',
    helpText: 'The enquiry number shown in the CINNOX Dashboard (displayCaseNumber).',
    required: true,
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
