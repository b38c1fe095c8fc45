/**
 * The entry point operations use: validates inputData against field specs before any request.
 * validate.ts (zod, phone metadata) is loaded on first use, not at app start.
 */
import type { ZObject } from 'zapier-platform-core';
import type { FieldSpec } from './fields';
import type { Parsed } from './validate';

export type { FieldSpec } from './fields';
export { toInputField, toInputFields, choicesOf } from './fields';
export type { Parsed } from './validate';

export type Rule = (parsed: Parsed) => string | undefined;

/** Error code of every input error, so tests and Zapier logs can tell them apart. */
export const INPUT_ERROR_CODE = 'InvalidInput';

export async function validateInput(
  z: Pick<ZObject, 'errors'>,
  specs: readonly FieldSpec[],
  inputData: Record<string, unknown>,
  rules: Rule[] = [],
): Promise<Parsed> {
  const { parseInput, InputError } = await import('./validate');
  try {
    return parseInput(specs, inputData, rules);
  } catch (error) {
    if (error instanceof InputError) throw new z.errors.Error(error.message, INPUT_ERROR_CODE, 400);
    throw error;
  }
}
