/**
 * The two functions of libphonenumber-js the phone check uses. src/input/formats.ts requires this module on the
 * first phone number: the build makes it a bundle of its own, loaded then (scripts/build.ts), and as an ES module
 * it lets esbuild keep only what these need of the library and its /min metadata.
 */
export { parsePhoneNumberWithError } from 'libphonenumber-js/min';
