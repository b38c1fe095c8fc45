/**
 * The entry point operations use: validates inputData against field specs before any request, and gives
 * the input typed from the specs (`InputOf`, src/fields/spec.ts).
 *
 * parse.ts is loaded on first use with `await import('./parse')`, never statically: the build bundles it on
 * its own and turns that import into a deferred `require` (not Node's ES-module loader), so an app start
 * neither parses nor runs it; the phone metadata and zod (phone.ts, email.ts) are
 * bundles of their own again, loaded on the first phone or e-mail value (scripts/build.ts).
 */
import type { ZObject } from 'zapier-platform-core';
import type { FieldSpec, InputOf, Rule } from '../fields/spec';
import { inputErrorMessage } from './message';

/** Error code of every input error, so tests and Zapier logs can tell them apart. */
export const INPUT_ERROR_CODE = 'InvalidInput';

/**
 * The input of `specs`, validated and typed; `rules` (cross-field) run once every field has passed.
 * Throws one InvalidInput error listing every problem, before any request.
 */
export async function validateInput<const Specs extends readonly FieldSpec[]>(
  z: Pick<ZObject, 'errors'>,
  specs: Specs,
  inputData: Record<string, unknown>,
  rules: readonly Rule<InputOf<Specs>>[] = [],
): Promise<InputOf<Specs>> {
  const { parseInput, InputError } = await import('./parse');
  try {
    return parseInput(specs, inputData, rules);
  } catch (error) {
    if (error instanceof InputError) throw new z.errors.Error(error.message, INPUT_ERROR_CODE, 400);
    throw error;
  }
}

/**
 * Refuses the input, as validateInput does, for an issue found after it: a check that needs a module of its
 * own (Send SMS counts its text with src/messaging/sms-segments.ts). Does nothing when there is no issue.
 */
export function refuseInput(z: Pick<ZObject, 'errors'>, issue: string | undefined): void {
  if (issue) throw new z.errors.Error(inputErrorMessage([issue]), INPUT_ERROR_CODE, 400);
}
