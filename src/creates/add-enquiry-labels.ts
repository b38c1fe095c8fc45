/**
 * Add Labels to Enquiry (docs/cinnox-api.md §3.6 Label an Enquiry): `POST /inquiries/{inquiryID}/labels` with
 * `labelIds`, the enquiry by its record id (A25). Label ids CINNOX reports as not existing fail the step.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { cinnoxBeyond } from '../cinnox/client';
import { ENQUIRY_LABELS_FIELDS, enquiryLabels } from '../fields/labels';
import { toInputFields } from '../fields/spec';
import {
  enquiryLabelsOutput,
  enquiryLabelsOutputFields,
  enquiryLabelsSample,
  labelIdsOf,
  type EnquiryLabelsOutput,
} from '../records/label';
import { validateInput } from '../validation';

const perform = (async (z, bundle): Promise<EnquiryLabelsOutput> => {
  const input = await validateInput(z, ENQUIRY_LABELS_FIELDS, bundle.inputData);
  const labelIds = [...new Set(input.label_ids)];
  const answer = await cinnoxBeyond.labelEnquiry(z, bundle, input.enquiry_id, { labelIds });
  const missing = labelIdsOf(answer?.notExistLabelIds);
  if (missing.length > 0) {
    const applied = labelIds.filter((id) => !missing.includes(id));
    throw new z.errors.Error(
      `CINNOX has no label with the ID ${missing.join(', ')} (notExistLabelIds), so ${missing.length === 1 ? 'it was' : 'they were'} not added to enquiry ${input.enquiry_id}` +
        `${applied.length > 0 ? `; ${applied.join(', ')} ${applied.length === 1 ? 'was' : 'were'} added` : ''}. ` +
        `Pick the ${enquiryLabels.label} from the drop-down, or map IDs from Find Label.`,
      'CinnoxLabelNotFound',
      400,
    );
  }
  const output = enquiryLabelsOutput(input.enquiry_id, labelIds, answer);
  return { ...output, enquiry_label_ids: output.enquiry_label_ids.length > 0 ? output.enquiry_label_ids : labelIds };
}) satisfies CreatePerform;

export const addEnquiryLabels = defineCreate({
  key: 'add_enquiry_labels',
  noun: 'Enquiry Labels',
  display: {
    label: 'Add Labels to Enquiry',
    description: 'Adds one or more labels to a CINNOX enquiry.',
  },
  operation: {
    inputFields: toInputFields(ENQUIRY_LABELS_FIELDS),
    perform,
    sample: enquiryLabelsSample(['65a000000000000000000001'], ['65a000000000000000000001']),
    outputFields: enquiryLabelsOutputFields('Label IDs Added', 'Label IDs Applied'),
  },
});
