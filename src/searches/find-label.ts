/**
 * Find Label by name (docs/cinnox-api.md §3.6: the label list filtered by `name`). Exact match only, upper /
 * lower case and extra spaces aside (`nameKey`, as Find External Contact); no match is `[]`.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnoxBeyond } from '../cinnox/client';
import { inZapierFields } from '../cinnox/errors';
import { nameKey } from '../cinnox/values';
import { FIND_LABEL_API_FIELDS, FIND_LABEL_FIELDS } from '../fields/labels';
import { toInputFields } from '../fields/spec';
import { FOUND_LABEL_OUTPUT_FIELDS, FOUND_LABEL_SAMPLE, toFoundLabel } from '../records/label';
import { validateInput } from '../validation';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_LABEL_FIELDS, bundle.inputData);
  const wanted = nameKey(input.name);
  const labels = await cinnoxBeyond
    .findLabelsByName(z, bundle, input.name.replace(/\s+/g, ' '))
    .catch(inZapierFields(z, FIND_LABEL_API_FIELDS));
  return labels.filter((l) => l?.id && nameKey(String(l.name ?? '')) === wanted).map(toFoundLabel);
}) satisfies SearchPerform;

export const findLabel = defineSearch({
  key: 'find_label',
  noun: 'Label',
  display: {
    label: 'Find Label',
    description: 'Finds a CINNOX label by name (exact match, upper / lower case aside).',
  },
  operation: {
    inputFields: toInputFields(FIND_LABEL_FIELDS),
    perform,
    sample: { ...FOUND_LABEL_SAMPLE },
    outputFields: FOUND_LABEL_OUTPUT_FIELDS,
  },
});
