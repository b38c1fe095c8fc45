/**
 * The event groups, one module each: which CINNOX subscription carries them, how one event becomes a
 * trigger item, and which CINNOX list gives performList real records in the same shape. Adding a group is
 * adding its module and one line here (and its subscription to SUBSCRIPTIONS in src/cinnox/contract.ts).
 */
import type { EventGroup } from '../../cinnox/contract';
import { contactGroup } from './contact';
import { enquiryGroup } from './enquiry';
import { labelGroup } from './label';
import type { GroupSpec } from './shared';
import { smsReceiptGroup } from './sms-receipt';
import { callGroup } from './call';
import { inboundSmsGroup } from './inbound-sms';
import { recordingGroup } from './recording';
import { staffGroup } from './staff';

export type { GroupSpec, Item, NormalizeContext } from './shared';

export const GROUPS: Record<EventGroup, GroupSpec> = {
  contact: contactGroup,
  enquiry: enquiryGroup,
  sms: smsReceiptGroup,
  label: labelGroup,
  inboundSms: inboundSmsGroup,
  call: callGroup,
  recording: recordingGroup,
  staff: staffGroup,
};
