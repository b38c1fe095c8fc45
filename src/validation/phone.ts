/** Phone numbers: + country code and number, checked with libphonenumber-js and sent as E.164. */
// /min metadata: a number is checked against its country's lengths and overall pattern, not per number type,
// so a few unassigned ranges pass (+85299999999). /max would refuse them but adds 20.4 KB gzipped
// (dist/validate.js 40,456 → 61,314 bytes gzip), more than the deployable zip's size budget leaves.
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { preview, type Checked } from './text';

const PHONE_EXAMPLE = '+85294667788';

/** Phone number → E.164, or an error message. */
export function normalizePhone(label: string, raw: string): Checked {
  const text = raw.replace(/[\s().-]/g, '');
  if (!text.startsWith('+')) {
    return { error: `${label} ${preview(raw)} must start with + and the country code, e.g. ${PHONE_EXAMPLE}.` };
  }
  try {
    const phone = parsePhoneNumberWithError(text);
    if (!isValidPhoneNumber(text))
      return {
        error: `${label} ${preview(raw)} is not a valid phone number for ${phone.country ?? `country code +${phone.countryCallingCode}`}; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
      };
    return { value: phone.number };
  } catch {
    return {
      error: `${label} ${preview(raw)} is not a phone number; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
    };
  }
}
