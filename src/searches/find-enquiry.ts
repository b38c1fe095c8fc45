/**
 * Find Enquiry (by Display Case Number): the enquiry's details (docs/cinnox-api.md §2.1), mapped by
 * src/records/enquiry.ts. No enquiry with that number is an empty result, not an error.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { asText } from '../cinnox/values';
import { FIND_ENQUIRY_FIELDS } from '../fields/lookups';
import { toInputFields } from '../fields/spec';
import { ENQUIRY_OUTPUT_FIELDS, ENQUIRY_SAMPLE, toEnquiryResult } from '../records/enquiry';
import { validateInput } from '../validation';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_ENQUIRY_FIELDS, bundle.inputData);
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
    inputFields: toInputFields(FIND_ENQUIRY_FIELDS),
    perform,
    sample: ENQUIRY_SAMPLE,
    outputFields: ENQUIRY_OUTPUT_FIELDS,
  },
});
