/**
 * What a search by name (Find External Contact, Find Staff Member, Find Label; Find Enquiry by its number) says
 * when its paged read of candidates (src/cinnox/client.ts `readPages`) ended before CINNOX's list did and no
 * candidate matched exactly: never "no match" without having looked at every candidate. And what it says when
 * every match CINNOX listed lacks an ID: never a blank ID a later step maps, never "no match" either.
 */
import type { ZObject } from 'zapier-platform-core';
import type { Pages } from '../cinnox/client';
import { LIST_PAGE_MAX } from '../cinnox/contract';

export interface NameSearch {
  /** The step's name, e.g. "Find External Contact". */
  step: string;
  /** The Zapier label of the name field, e.g. "Full Name". */
  field: string;
  /** The name searched for. */
  value: string;
  /** The read's bound, in requests of LIST_PAGE_MAX. */
  maxPages: number;
  /** The filter CINNOX may be ignoring, in words: "the name filter" unless said otherwise. */
  filter?: string;
  /** The filter's assumption, when it is one (e.g. "A7"). */
  assumption?: string;
  /** What a wrong "no match" would cause, when something would (Find or Create). */
  risk?: string;
}

/** The error of a read that ended on its bound (`CinnoxTooManyCandidates`) or on a repeat (`CinnoxPagingIgnored`). */
export function incompleteReadError(
  z: Pick<ZObject, 'errors'>,
  search: NameSearch,
  pages: Pick<Pages<unknown>, 'records' | 'end' | 'offset'>,
): Error {
  const { step, field, value } = search;
  const assumption = search.assumption ? ` (${search.assumption})` : '';
  const risk = search.risk ? ` (${search.risk})` : '';
  const filter = search.filter ?? 'the name filter';
  if (pages.end === 'bound')
    return new z.errors.Error(
      `${step} read ${pages.records.length.toLocaleString('en')} candidates for ${field} "${value}" (${search.maxPages} requests of ${LIST_PAGE_MAX}) without reaching the end of CINNOX's answer, and none matched exactly: too many candidates. CINNOX may be ignoring ${filter}${assumption}, so the app cannot tell whether "${value}" exists and does not answer "no match"${risk}. Report this to the app's developers.`,
      'CinnoxTooManyCandidates',
      400,
    );
  return new z.errors.Error(
    `${step} could not read every candidate for ${field} "${value}": CINNOX answered the request for candidates ${pages.offset + 1} onwards with candidates it had already sent, so it may be ignoring offset, and ${filter}${assumption}. The app does not answer "no match" without having looked at every candidate${risk}. Report this to the app's developers.`,
    'CinnoxPagingIgnored',
    400,
  );
}

/**
 * The exact matches a later step can use: those with an ID (`idOf` not blank). Matches that all lack one are an
 * error, neither a result with a blank ID nor "no match" (Find or Create would then create a second copy).
 */
export function matchesWithIds<T>(
  z: Pick<ZObject, 'errors'>,
  search: Pick<NameSearch, 'step' | 'field' | 'value'>,
  matches: readonly T[],
  idOf: (match: T) => string,
): T[] {
  const usable = matches.filter((match) => idOf(match) !== '');
  if (usable.length > 0 || matches.length === 0) return usable;
  const { step, field, value } = search;
  const them = matches.length === 1 ? 'it' : 'them';
  throw new z.errors.Error(
    `${step} found ${matches.length === 1 ? 'a match' : `${matches.length} matches`} for ${field} "${value}", but CINNOX listed ${them} without an ID, so no later step could use ${them}. Report this to the app's developers.`,
    'CinnoxUnexpectedResponse',
    502,
  );
}
