/** The input of Add / Remove Labels to Enquiry (docs/cinnox-api.md §3.6), which both actions share. */
import type { EnquiryLabelsBody } from '../cinnox/contract';
import { id, input, labelOf } from '../input/schema';

/** Where an Enquiry Record ID comes from, for messages about a value that is not one. */
export const ENQUIRY_RECORD_ID_HINT = 'Map Enquiry Record ID from an enquiry trigger or Find Enquiry.';

const enquiryRecordId = id({
  label: 'Enquiry Record ID',
  helpText:
    "The enquiry's record ID: map Enquiry Record ID from an enquiry trigger (e.g. Enquiry Closed), or the ID (_id) from Find Enquiry. " +
    'Not the Display Case Number.',
  required: true,
  hint: ENQUIRY_RECORD_ID_HINT,
  // §3.6: the path's inquiryID; CINNOX's messages say enquiryID too.
  cinnox: ['inquiryID', 'enquiryID'],
});

const enquiryLabels = id({
  label: 'Labels',
  helpText: 'The labels: pick them from your CINNOX labels, or map label IDs (Find Label finds one by name).',
  required: true,
  list: true,
  dynamic: 'label_list.id.name',
  search: 'find_label.id',
  hint: 'Pick the labels from the drop-down, or map label IDs from Find Label.',
  cinnox: 'labelIds' satisfies keyof EnquiryLabelsBody,
});

export const ENQUIRY_LABELS_INPUT = input({ enquiry_id: enquiryRecordId, label_ids: enquiryLabels });
export const ENQUIRY_RECORD_ID_LABEL = labelOf(enquiryRecordId);
export const LABELS_LABEL = labelOf(enquiryLabels);
