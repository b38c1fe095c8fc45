/** Field specs of Add / Remove Labels (docs/cinnox-api.md §3.6) and Find Label. */
import { defineFieldSpec, defineFieldSpecs, type ApiFieldLabels } from './spec';

export const enquiryRecordId = defineFieldSpec({
  key: 'enquiry_id',
  label: 'Enquiry Record ID',
  helpText:
    "The enquiry's record ID: map Enquiry Record ID from an enquiry trigger (e.g. Enquiry Closed), or the ID (_id) from Find Enquiry. " +
    'Not the Display Case Number.',
  required: true,
});

/** Where an Enquiry Record ID comes from, for messages about a value that is not one. */
export const ENQUIRY_RECORD_ID_HINT = 'Map Enquiry Record ID from an enquiry trigger or Find Enquiry.';

export const enquiryLabels = defineFieldSpec({
  key: 'label_ids',
  label: 'Labels',
  helpText: 'The labels: pick them from your CINNOX labels, or map label IDs (Find Label finds one by name).',
  required: true,
  list: true,
  dynamic: 'label_list.id.name',
  search: 'find_label.id',
});

export const labelName = defineFieldSpec({
  key: 'name',
  label: 'Label Name',
  helpText: 'The label name to find (exact match, upper / lower case aside).',
  required: true,
});

export const ENQUIRY_LABELS_FIELDS = defineFieldSpecs([enquiryRecordId, enquiryLabels]);
export const FIND_LABEL_FIELDS = defineFieldSpecs([labelName]);

/** Add / Remove Labels' API fields (§3.6: the path's inquiryID, CINNOX's messages say enquiryID too) → Zapier labels. */
export const ENQUIRY_LABELS_API_FIELDS: ApiFieldLabels = {
  labelIds: enquiryLabels.label,
  inquiryID: enquiryRecordId.label,
  enquiryID: enquiryRecordId.label,
};
/** Find Label's API field (§3.6's `name` filter) → its Zapier label. */
export const FIND_LABEL_API_FIELDS: ApiFieldLabels = { name: labelName.label };
