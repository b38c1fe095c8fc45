/**
 * Output fields per event group: the product spec's keys for the trigger, the CINNOX ids, and an id
 * unique per event. Trigger files compose these (`as const`, so the sample is checked against them).
 */

/** Every contact trigger: spec keys status, name; the contact and service ids. */
export const CONTACT_EVENT_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'name', label: 'Full Name' },
  { key: 'contactId', label: 'External Contact ID' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** External Contact Ownership Transferred adds the owners. */
export const OWNER_TRANSFER_FIELDS = [
  { key: 'fromOwnerID', label: 'Previous Owner ID' },
  { key: 'toOwnerID', label: 'New Owner ID' },
] as const;

/**
 * Enquiry triggers. `enquiryID` (the spec's key) is the enquiry's record id: the event's `eid` (A18), which
 * Find Enquiry shows as "Record ID (_id)", not its "Enquiry ID (inquiry)".
 */
export const ENQUIRY_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'enquiryID', label: 'Enquiry Record ID' },
  { key: 'displayCaseNumber', label: 'Display Case Number' },
  { key: 'type', label: 'Enquiry Type' },
  { key: 'channel', label: 'Channel' },
  { key: 'date', label: 'Date', type: 'datetime' },
  { key: 'destination', label: 'Destination ID' },
  { key: 'destinationTypes', label: 'Destination Types' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

export const SMS_RECEIPT_FIELDS = [
  { key: 'id', label: 'Receipt ID' },
  { key: 'transactionId', label: 'Transaction ID' },
  { key: 'recipientNumber', label: 'Recipient Number' },
  { key: 'recipientCountry', label: 'Recipient Country' },
  { key: 'responseCode', label: 'Response Code' },
  { key: 'status', label: 'Status' },
  { key: 'exception', label: 'Exception' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** Labels: the spec's `id` is the label's, so the per-event id is `eventId`, marked primary. */
export const LABEL_BASE_FIELDS = [
  { key: 'eventId', label: 'Event ID', primary: true },
  { key: 'status', label: 'Status' },
  { key: 'id', label: 'Label ID' },
  { key: 'name', label: 'Label Name' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

export const LABEL_COLOUR_FIELDS = [{ key: 'colorCode', label: 'Colour Code (Hex)' }] as const;
