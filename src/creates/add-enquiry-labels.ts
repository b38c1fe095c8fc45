/**
 * Add Labels to Enquiry (docs/cinnox-api.md §3.6 Label an Enquiry): `POST /inquiries/{inquiryID}/labels` with
 * `labelIds`, the enquiry by its record id (A25). The step succeeds only when every requested label is among the
 * `labelIds` CINNOX answers as applied (null: none applied); label ids CINNOX reports as not existing, and
 * labels it does not answer as applied, fail the step naming them.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { cinnoxBeyond, refuseDotId } from '../cinnox/client';
import { inZapierFields } from '../cinnox/errors';
import {
  ENQUIRY_LABELS_API_FIELDS,
  ENQUIRY_LABELS_FIELDS,
  ENQUIRY_RECORD_ID_HINT,
  enquiryLabels,
  enquiryRecordId,
} from '../fields/labels';
import { toInputFields } from '../fields/spec';
import {
  enquiryLabelsAnswer,
  enquiryLabelsOutput,
  enquiryLabelsOutputFields,
  enquiryLabelsSample,
  idsWere,
  labelIdsOf,
  type EnquiryLabelsOutput,
} from '../records/label';
import { validateInput } from '../validation';

const perform = (async (z, bundle): Promise<EnquiryLabelsOutput> => {
  const input = await validateInput(z, ENQUIRY_LABELS_FIELDS, bundle.inputData);
  refuseDotId(z, enquiryRecordId.label, input.enquiry_id, ENQUIRY_RECORD_ID_HINT);
  const labelIds = [...new Set(input.label_ids)];
  const answer = enquiryLabelsAnswer(
    await cinnoxBeyond
      .labelEnquiry(z, bundle, input.enquiry_id, { labelIds })
      .catch(inZapierFields(z, ENQUIRY_LABELS_API_FIELDS)),
  );
  const output = enquiryLabelsOutput(input.enquiry_id, labelIds, answer);
  const missing = labelIdsOf(answer.notExistLabelIds);
  const applied = labelIds.filter((id) => output.enquiry_label_ids.includes(id));
  const unconfirmed = labelIds.filter((id) => !missing.includes(id) && !applied.includes(id));
  const unconfirmedNote =
    unconfirmed.length > 0 ? `; ${idsWere(unconfirmed)} not among the labels CINNOX answers as applied` : '';
  if (missing.length > 0) {
    throw new z.errors.Error(
      `CINNOX has no label with the ID ${missing.join(', ')} (notExistLabelIds), so ${missing.length === 1 ? 'it was' : 'they were'} not added to enquiry ${input.enquiry_id}` +
        `${applied.length > 0 ? `; ${idsWere(applied)} added` : ''}${unconfirmedNote}. ` +
        `Pick the ${enquiryLabels.label} from the drop-down, or map IDs from Find Label.`,
      'CinnoxLabelNotFound',
      400,
    );
  }
  if (unconfirmed.length > 0) {
    const listed = output.enquiry_label_ids.length > 0 ? output.enquiry_label_ids.join(', ') : 'none';
    throw new z.errors.Error(
      `CINNOX did not confirm that the label${unconfirmed.length === 1 ? '' : 's'} ${idsWere(unconfirmed)} added to enquiry ${input.enquiry_id}: ` +
        `${unconfirmed.length === 1 ? 'it is' : 'they are'} not among the labels it answers as applied (${listed}). ` +
        'Check the Enquiry Record ID and the labels in CINNOX before replaying this step.',
      'CinnoxLabelNotAdded',
      400,
    );
  }
  return output;
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
