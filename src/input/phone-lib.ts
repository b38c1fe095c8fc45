/**
 * The two functions of libphonenumber-js the phone check uses. src/input/formats.ts requires this module on the
 * first phone number: as an ES module it lets esbuild keep only what these need of the library and its /min
 * metadata, evaluated on that first call rather than at app start (scripts/build.ts).
 */
export { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/min';
