/**
 * Remove Labels from Enquiry (docs/cinnox-api.md §3.6 Unlabel an Enquiry): `DELETE /inquiries/{inquiryID}/labels`
 * with `labelIds`, the enquiry by its record id (A25). CINNOX answers with the labels that remain: the step
 * succeeds when none of the removed ones remains (A27), else fails naming them. The answer is read flat or under
 * `result`; label ids CINNOX reports as not existing (`notExistLabelIds`) fail the step naming them.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { ENQUIRY_LABELS_INPUT } from '../fields/labels';
import { quote } from '../cinnox/quote';
import { inputFieldsOf } from '../input/schema';
import { changeEnquiryLabels, missingLabelsError } from '../records/enquiry-labels';
import { enquiryLabelsOutputFields, enquiryLabelsSample, idsWere, type EnquiryLabelsOutput } from '../records/label';
import type { Example } from '../examples';

const perform = (async (z, bundle): Promise<EnquiryLabelsOutput> => {
  const change = await changeEnquiryLabels(z, bundle, 'unlabelEnquiry');
  const { enquiryId, labelIds, output, missing } = change;
  const stayed = labelIds.filter((id) => output.enquiry_label_ids.includes(id));
  if (missing.length > 0) {
    const removed = labelIds.filter((id) => !missing.includes(id) && !stayed.includes(id));
    const done =
      (removed.length > 0 ? `; ${idsWere(removed)} removed` : '') +
      (stayed.length > 0 ? `; ${idsWere(stayed)} not removed` : '');
    throw missingLabelsError(z, change, 'removed from', done);
  }
  if (stayed.length > 0) {
    throw new z.errors.Error(
      `CINNOX did not remove the label${stayed.length === 1 ? '' : 's'} ${stayed.join(', ')} from enquiry ${enquiryId}: ` +
        `${stayed.length === 1 ? 'it is' : 'they are'} still among the labels it reports on the enquiry (${quote(output.enquiry_label_ids.join(', '), change.secrets)}). ` +
        'Check the Enquiry Record ID and the labels in CINNOX, then replay this step.',
      'CinnoxLabelNotRemoved',
      400,
    );
  }
  return output;
}) satisfies CreatePerform;

export default defineCreate({
  key: 'remove_enquiry_labels',
  noun: 'Enquiry Labels',
  display: {
    label: 'Remove Labels from Enquiry',
    description: 'Removes one or more labels from a CINNOX enquiry.',
  },
  operation: {
    inputFields: inputFieldsOf(ENQUIRY_LABELS_INPUT),
    perform,
    sample: enquiryLabelsSample(['65a000000000000000000001'], ['65a000000000000000000002']),
    outputFields: enquiryLabelsOutputFields('Label IDs Removed', 'Label IDs Remaining'),
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // The sandbox's closed enquiry and its VIP label.
  inputData: { enquiry_id: '66b000000000000000000001', label_ids: ['65a000000000000000000001'] },
};
