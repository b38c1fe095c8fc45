/**
 * Find Label by name (docs/cinnox-api.md §3.6: the label list filtered by `name`). Exact match only, upper /
 * lower case and extra spaces aside (`nameKey`, as Find External Contact). Every page CINNOX has is read (the
 * shared paged reader, bounded: LABEL_SEARCH_MAX_PAGES); no match (6451011 included) is `[]` only when every
 * candidate was read, else the error Find External Contact gives (too many candidates, or paging ignored).
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { LABEL_SEARCH_MAX_PAGES, cinnox } from '../cinnox/client';
import { inZapierFields } from '../cinnox/errors';
import { nameKey } from '../cinnox/values';
import { FIND_LABEL_API_FIELDS, FIND_LABEL_FIELDS, labelName } from '../fields/labels';
import { toInputFields } from '../fields/spec';
import { FOUND_LABEL_OUTPUT_FIELDS, FOUND_LABEL_SAMPLE, toFoundLabel } from '../records/label';
import { validateInput } from '../validation';
import { incompleteReadError } from './incomplete-read';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_LABEL_FIELDS, bundle.inputData);
  const wanted = nameKey(input.name);
  const name = input.name.replace(/\s+/g, ' ');
  const pages = await cinnox.findLabelsByName(z, bundle, name).catch(inZapierFields(z, FIND_LABEL_API_FIELDS));
  const found = pages.records.filter((l) => l?.id && nameKey(String(l.name ?? '')) === wanted).map(toFoundLabel);
  if (found.length > 0 || pages.end === 'complete') return found;
  throw incompleteReadError(
    z,
    { step: 'Find Label', field: labelName.label, value: name, maxPages: LABEL_SEARCH_MAX_PAGES },
    pages,
  );
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
