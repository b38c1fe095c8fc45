/**
 * Add Labels to Enquiry (docs/cinnox-api.md §3.6 Label an Enquiry): `POST /inquiries/{inquiryID}/labels` with
 * `labelIds`, the enquiry by its record id (A25). The step succeeds only when every requested label is among the
 * `labelIds` CINNOX answers as applied (null: none applied); label ids CINNOX reports as not existing, and
 * labels it does not answer as applied, fail the step naming them.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { ENQUIRY_LABELS_INPUT } from '../fields/labels';
import { quote } from '../cinnox/quote';
import { inputFieldsOf } from '../input/schema';
import { changeEnquiryLabels, missingLabelsError } from '../records/enquiry-labels';
import { enquiryLabelsOutputFields, enquiryLabelsSample, idsWere, type EnquiryLabelsOutput } from '../records/label';
import type { Example } from '../examples';

const perform = (async (z, bundle): Promise<EnquiryLabelsOutput> => {
  const change = await changeEnquiryLabels(z, bundle, 'labelEnquiry');
  const { enquiryId, labelIds, output, missing } = change;
  const applied = labelIds.filter((id) => output.enquiry_label_ids.includes(id));
  const unconfirmed = labelIds.filter((id) => !missing.includes(id) && !applied.includes(id));
  if (missing.length > 0) {
    const done =
      (applied.length > 0 ? `; ${idsWere(applied)} added` : '') +
      (unconfirmed.length > 0 ? `; ${idsWere(unconfirmed)} not among the labels CINNOX answers as applied` : '');
    throw missingLabelsError(z, change, 'added to', done);
  }
  if (unconfirmed.length > 0) {
    const listed =
      output.enquiry_label_ids.length > 0 ? quote(output.enquiry_label_ids.join(', '), change.secrets) : 'none';
    throw new z.errors.Error(
      `CINNOX did not confirm that the label${unconfirmed.length === 1 ? '' : 's'} ${idsWere(unconfirmed)} added to enquiry ${enquiryId}: ` +
        `${unconfirmed.length === 1 ? 'it is' : 'they are'} not among the labels it answers as applied (${listed}). ` +
        'Check the Enquiry Record ID and the labels in CINNOX before replaying this step.',
      'CinnoxLabelNotAdded',
      400,
    );
  }
  return output;
}) satisfies CreatePerform;

export default defineCreate({
  key: 'add_enquiry_labels',
  noun: 'Enquiry Labels',
  display: {
    label: 'Add Labels to Enquiry',
    description: 'Adds one or more labels to a CINNOX enquiry.',
  },
  operation: {
    inputFields: inputFieldsOf(ENQUIRY_LABELS_INPUT),
    perform,
    sample: enquiryLabelsSample(['65a000000000000000000001'], ['65a000000000000000000001']),
    outputFields: enquiryLabelsOutputFields('Label IDs Added', 'Label IDs Applied'),
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // The sandbox's closed enquiry and its VIP and Follow-up labels.
  inputData: {
    enquiry_id: '66b000000000000000000001',
    label_ids: ['65a000000000000000000001', '65a000000000000000000002'],
  },
};
