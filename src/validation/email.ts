/**
 * E-mail addresses: zod's e-mail pattern for plain ASCII addresses; an internationalised address
 * (`ann@münchen.de`, a punycode top-level domain such as `xn--p1ai`, letters of any script before the @) is
 * checked with its domain converted to ASCII by the WHATWG URL parser (IDNA), label by label. Sent as given.
 */
import * as z from 'zod/mini';
import { preview, type Checked } from './text';

const emailSchema = z.email();

/** Letters, digits and the RFC 5322 atext signs of any script, in dot-separated runs. */
const LOCAL_PART = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain: letters, or an IDNA one in punycode (xn--…). */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The domain in ASCII (IDNA), or undefined when the URL parser refuses it. */
function asciiDomain(domain: string): string | undefined {
  if (!domain || /[\s/?#@:[\]\\%]/.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}

function isInternationalEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at < 1) return false;
  const local = text.slice(0, at);
  const domain = asciiDomain(text.slice(at + 1));
  if (!domain || local.length > 64 || !LOCAL_PART.test(local) || domain.length > 253) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => DNS_LABEL.test(l)) && TOP_LEVEL.test(labels.at(-1)!);
}

/** An e-mail address as given, or an error message. */
export function checkEmail(label: string, text: string): Checked {
  if (z.safeParse(emailSchema, text).success || isInternationalEmail(text)) return { value: text };
  return { error: `${label} ${preview(text)} is not an e-mail address (e.g. ann@example.com).` };
}
