/**
 * Find Label by name (docs/cinnox-api.md §3.6: the label list filtered by `name`). Exact match only, upper /
 * lower case and extra spaces aside (`nameKey`, as Find External Contact). Every page CINNOX has is read (the
 * shared paged reader, bounded: LABEL_SEARCH_MAX_PAGES); no match (6451011 included) is `[]` only when every
 * candidate was read, else the error Find External Contact gives (too many candidates, or paging ignored).
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { keyById, readPages } from '../cinnox/client';
import { LABEL_LIST_PATH, LABEL_NAME_PARAM, type LabelRecord } from '../cinnox/contract';
import { asText, nameKey } from '../cinnox/values';
import { UNDOCUMENTED_NAME_MAX_UNITS, input, inputFieldsOf, labelOf, parseInput, text } from '../input/schema';
import { FOUND_LABEL_OUTPUT_FIELDS, FOUND_LABEL_SAMPLE, toFoundLabel } from '../records/label';
import { incompleteReadError, matchesWithIds } from '../records/incomplete-read';
import type { Example } from '../examples';

const labelName = text({
  label: 'Label Name',
  helpText: 'The label name to find (exact match, upper / lower case aside).',
  required: true,
  maxUnits: UNDOCUMENTED_NAME_MAX_UNITS,
  cinnox: LABEL_NAME_PARAM,
});
const FIND_LABEL_INPUT = input({ name: labelName });
/** At most this many requests of 500 when reading the candidates: 5,000 labels. */
export const LABEL_SEARCH_MAX_PAGES = 10;

const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_LABEL_INPUT, bundle.inputData);
  const wanted = nameKey(input.name);
  const name = input.name.replace(/\s+/g, ' ');
  // §3.6's label list filtered by name: every page, bounded.
  const pages = await readPages<LabelRecord>(
    z,
    bundle,
    LABEL_LIST_PATH,
    { [LABEL_NAME_PARAM]: name },
    keyById,
    LABEL_SEARCH_MAX_PAGES,
    { fields: FIND_LABEL_INPUT.refusalLabels },
  );
  const search = { step: 'Find Label', field: labelOf(labelName), value: name };
  const found = matchesWithIds(
    z,
    search,
    pages.records.filter((l) => nameKey(asText(l?.name)) === wanted),
    (l) => asText(l?.id),
  ).map(toFoundLabel);
  if (found.length > 0 || pages.end === 'complete') return found;
  throw incompleteReadError(z, { ...search, maxPages: LABEL_SEARCH_MAX_PAGES }, pages);
}) satisfies SearchPerform;

export default defineSearch({
  key: 'find_label',
  noun: 'Label',
  display: {
    label: 'Find Label',
    description: 'Finds a CINNOX label by name (exact match, upper / lower case aside).',
  },
  operation: {
    inputFields: inputFieldsOf(FIND_LABEL_INPUT),
    perform,
    sample: { ...FOUND_LABEL_SAMPLE },
    outputFields: FOUND_LABEL_OUTPUT_FIELDS,
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  inputData: { name: 'VIP' },
  onAccount: ({ probeName }) => ({ name: probeName }),
};
