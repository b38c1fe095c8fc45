/**
 * Remove Labels from Enquiry (docs/cinnox-api.md §3.6 Unlabel an Enquiry): `DELETE /inquiries/{inquiryID}/labels`
 * with `labelIds`, the enquiry by its record id (A25). CINNOX answers with the labels that remain: the step
 * succeeds when none of the removed ones remains (A27), else fails naming them. The answer is read flat or under
 * `result`; label ids CINNOX reports as not existing (`notExistLabelIds`) fail the step naming them.
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
      .unlabelEnquiry(z, bundle, input.enquiry_id, { labelIds })
      .catch(inZapierFields(z, ENQUIRY_LABELS_API_FIELDS)),
  );
  const output = enquiryLabelsOutput(input.enquiry_id, labelIds, answer);
  const stayed = labelIds.filter((id) => output.enquiry_label_ids.includes(id));
  const missing = labelIdsOf(answer.notExistLabelIds);
  if (missing.length > 0) {
    const removed = labelIds.filter((id) => !missing.includes(id) && !stayed.includes(id));
    throw new z.errors.Error(
      `CINNOX has no label with the ID ${missing.join(', ')} (notExistLabelIds), so ${missing.length === 1 ? 'it was' : 'they were'} not removed from enquiry ${input.enquiry_id}` +
        `${removed.length > 0 ? `; ${idsWere(removed)} removed` : ''}${stayed.length > 0 ? `; ${idsWere(stayed)} not removed` : ''}. ` +
        `Pick the ${enquiryLabels.label} from the drop-down, or map IDs from Find Label.`,
      'CinnoxLabelNotFound',
      400,
    );
  }
  if (stayed.length > 0) {
    throw new z.errors.Error(
      `CINNOX did not remove the label${stayed.length === 1 ? '' : 's'} ${stayed.join(', ')} from enquiry ${input.enquiry_id}: ` +
        `${stayed.length === 1 ? 'it is' : 'they are'} still among the labels it reports on the enquiry (${output.enquiry_label_ids.join(', ')}). ` +
        'Check the Enquiry Record ID and the labels in CINNOX, then replay this step.',
      'CinnoxLabelNotRemoved',
      400,
    );
  }
  return output;
}) satisfies CreatePerform;

export const removeEnquiryLabels = defineCreate({
  key: 'remove_enquiry_labels',
  noun: 'Enquiry Labels',
  display: {
    label: 'Remove Labels from Enquiry',
    description: 'Removes one or more labels from a CINNOX enquiry.',
  },
  operation: {
    inputFields: toInputFields(ENQUIRY_LABELS_FIELDS),
    perform,
    sample: enquiryLabelsSample(['65a000000000000000000001'], ['65a000000000000000000002']),
    outputFields: enquiryLabelsOutputFields('Label IDs Removed', 'Label IDs Remaining'),
  },
});
