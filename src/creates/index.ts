/** Every action: one line per module, whose default export is the operation (src/registry.ts). */
export * as addEnquiryLabels from './add-enquiry-labels';
export * as createContact from './create-contact';
export * as createOrUpdateContact from './create-or-update-contact';
export * as removeEnquiryLabels from './remove-enquiry-labels';
export * as sendImToRoom from './send-im-to-room';
export * as sendImToStaff from './send-im-to-staff';
export * as sendOtpSms from './send-otp-sms';
export * as sendSms from './send-sms';
export * as updateContact from './update-contact';
