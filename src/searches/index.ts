/** Every search: one line per module, whose default export is the operation (src/registry.ts). */
export * as findContact from './find-contact';
export * as findEnquiry from './find-enquiry';
export * as findLabel from './find-label';
export * as findNumbers from './find-numbers';
export * as findStaff from './find-staff';
export * as getEnquiryTranscript from './get-enquiry-transcript';
