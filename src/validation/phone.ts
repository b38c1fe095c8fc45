/** Phone numbers: + country code and number, checked with libphonenumber-js and sent as E.164. */
// /min metadata: a number is checked against its country's lengths and overall pattern, not per number type,
// so a few unassigned ranges pass (+85299999999). /max would refuse them but adds 20.4 KB gzipped
// (dist/validate.js 40,456 → 61,314 bytes gzip), more than the deployable zip's size budget leaves.
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { preview, type Checked } from './text';

const PHONE_EXAMPLE = '+85294667788';

const needsPlus = (label: string, raw: string): Checked => ({
  error: `${label} ${preview(raw)} must start with + and the country code, e.g. ${PHONE_EXAMPLE}.`,
});

/** An extension typed after the number: "ext. 12", "extension 12", "x12", "#12". */
const EXTENSION = /(?:ext(?:ension)?\.?|x|#)\s*(\d{1,7})\s*$/i;

/** Phone number → E.164, or an error message. */
export function normalizePhone(label: string, raw: string): Checked {
  const text = raw.replace(/[\s().-]/g, '');
  if (!text.startsWith('+')) return needsPlus(label, raw);
  const extension = EXTENSION.exec(raw.trim());
  if (extension) {
    const number = raw
      .trim()
      .slice(0, extension.index)
      .replace(/[\s().,;-]+$/, '');
    return {
      error: `${label} ${preview(raw)} has an extension (${extension[1]}): CINNOX's phone field holds no extension. Enter the number alone, e.g. ${number.replace(/[\s().-]/g, '')}.`,
    };
  }
  try {
    const phone = parsePhoneNumberWithError(text);
    if (!isValidPhoneNumber(text))
      return {
        error: `${label} ${preview(raw)} is not a valid phone number for ${phone.country ?? `country code +${phone.countryCallingCode}`}; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
      };
    if (phone.ext)
      return {
        error: `${label} ${preview(raw)} has an extension (${phone.ext}): CINNOX's phone field holds no extension. Enter the number alone, e.g. ${phone.number}.`,
      };
    return { value: phone.number };
  } catch {
    return {
      error: `${label} ${preview(raw)} is not a phone number; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
    };
  }
}

/**
 * A CINNOX sender number (Send SMS's Sender Number): + and the country code, as the drop-down gives it and as a
 * Recipient Number must be; sent without spaces, brackets, dots or dashes. Not checked against the phone
 * metadata: CINNOX knows its own numbers.
 */
export function checkSenderNumber(label: string, raw: string): Checked {
  const text = raw.replace(/[\s().-]/g, '');
  if (!text.startsWith('+')) return needsPlus(label, raw);
  if (!/^\+\d{3,15}$/.test(text))
    return {
      error: `${label} ${preview(raw)} is not a phone number; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
    };
  return { value: text };
}
