/**
 * What Add Labels to Enquiry and Remove Labels from Enquiry share (docs/cinnox-api.md §3.6): the validated input
 * (the enquiry's record id, A25, and the label ids are CINNOX IDs, A32), the label ids sent once each, CINNOX's
 * answer read flat or under `result`, the step's output, and the label ids CINNOX reports as not existing.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { cinnoxRequest } from '../cinnox/client';
import { isHttp404, isNotFound } from '../cinnox/errors';
import { enquiryLabelsPath, type EnquiryLabelsBody, type EnquiryLabelsResult } from '../cinnox/contract';
import { quote, secretsOf, type Secrets } from '../cinnox/quote';
import { ENQUIRY_LABELS_INPUT, ENQUIRY_RECORD_ID_HINT, ENQUIRY_RECORD_ID_LABEL, LABELS_LABEL } from '../fields/labels';
import { parseInput } from '../input/schema';
import { enquiryLabelsAnswer, enquiryLabelsOutput, labelIdsOf, type EnquiryLabelsOutput } from './label';

export interface EnquiryLabelsChange {
  enquiryId: string;
  /** The requested label ids, each once. */
  labelIds: string[];
  answer: EnquiryLabelsResult;
  output: EnquiryLabelsOutput;
  /** Label ids CINNOX reports as not existing (`notExistLabelIds`). */
  missing: string[];
  /** The connection's secrets: what a message quotes of CINNOX's answer goes through `quote` with them. */
  secrets: Secrets;
}

/** Validates the step's input, then labels (POST) or unlabels (DELETE) the enquiry: one CINNOX request. */
export async function changeEnquiryLabels(
  z: ZObject,
  bundle: Bundle,
  change: 'labelEnquiry' | 'unlabelEnquiry',
): Promise<EnquiryLabelsChange> {
  const input = parseInput(z, ENQUIRY_LABELS_INPUT, bundle.inputData);
  const labelIds = [...new Set(input.label_ids)];
  const answer = enquiryLabelsAnswer(
    await cinnoxRequest<EnquiryLabelsResult>(z, bundle, {
      method: change === 'labelEnquiry' ? 'POST' : 'DELETE',
      path: enquiryLabelsPath(input.enquiry_id),
      body: { labelIds } satisfies EnquiryLabelsBody,
      fields: ENQUIRY_LABELS_INPUT.refusalLabels,
      check: "the enquiry's labels in CINNOX",
    })
      .then((response) => response.data)
      .catch((error: unknown) => {
        // CINNOX not knowing the enquiry (6451011, or a plain 404 on its path) is said in the words of the step's field.
        if (isNotFound(error) || isHttp404(error))
          throw new z.errors.Error(
            `CINNOX has no enquiry with the ${ENQUIRY_RECORD_ID_LABEL} "${input.enquiry_id}", so no label was changed. Check ${ENQUIRY_RECORD_ID_LABEL}: ${ENQUIRY_RECORD_ID_HINT} CINNOX answered: ${error.text}`,
            'CinnoxEnquiryNotFound',
            404,
          );
        throw error;
      }),
  );
  const output = enquiryLabelsOutput(input.enquiry_id, labelIds, answer);
  return {
    enquiryId: input.enquiry_id,
    labelIds,
    answer,
    output,
    missing: labelIdsOf(answer.notExistLabelIds),
    secrets: secretsOf(bundle.authData),
  };
}

/** The step's failure when CINNOX has no label with some of the ids: `done` says what happened to the others. */
export function missingLabelsError(
  z: Pick<ZObject, 'errors'>,
  { enquiryId, missing, secrets }: EnquiryLabelsChange,
  verb: 'added to' | 'removed from',
  done: string,
): Error {
  return new z.errors.Error(
    `CINNOX has no label with the ID ${quote(missing.join(', '), secrets)} (notExistLabelIds), so ${missing.length === 1 ? 'it was' : 'they were'} not ${verb} enquiry ${enquiryId}` +
      `${done}. Pick the ${LABELS_LABEL} from the drop-down, or map IDs from Find Label.`,
    'CinnoxLabelNotFound',
    400,
  );
}
