/**
 * sms-segments-calculator's counter. src/messaging/sms-segments.ts requires this module on the first text it
 * counts (Send SMS, Send OTP SMS): the build makes it a bundle of its own, loaded then (scripts/build.ts).
 */
export { SegmentedMessage } from 'sms-segments-calculator';
