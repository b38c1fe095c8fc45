/** Field specs of Get Enquiry Transcript (docs/cinnox-api.md §2.2). */
import { defineFieldSpec, defineFieldSpecs, type ApiFieldLabels } from './spec';

export const transcriptEnquiryId = defineFieldSpec({
  key: 'enquiry_id',
  label: 'Enquiry ID or Display Case Number',
  helpText:
    'The closed enquiry whose chat to get: map Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry. ' +
    'CINNOX gives the chat of closed enquiries only, one at a time.',
  required: true,
});

export const GET_TRANSCRIPT_FIELDS = defineFieldSpecs([transcriptEnquiryId]);

/** Get Enquiry Transcript's API field (§2.2's `enquiryID`) → its Zapier label. */
export const TRANSCRIPT_API_FIELDS: ApiFieldLabels = { enquiryID: transcriptEnquiryId.label };
