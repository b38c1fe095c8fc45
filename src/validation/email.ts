/** E-mail addresses, checked with zod's e-mail pattern. */
import * as z from 'zod/mini';
import { preview, type Checked } from './text';

const emailSchema = z.email();

/** An e-mail address as given, or an error message. */
export function checkEmail(label: string, text: string): Checked {
  if (z.safeParse(emailSchema, text).success) return { value: text };
  return { error: `${label} ${preview(text)} is not an e-mail address (e.g. ann@example.com).` };
}
