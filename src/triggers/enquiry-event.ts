import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_CLOSED_FIELDS, ENQUIRY_CLOSED_SAMPLE, ENQUIRY_TRIGGER, defineHookTrigger } from '../hooks';

/** The four enquiry statuses, as the Events drop-down shows them. */
export const ENQUIRY_EVENT_CHOICES = {
  [EVENT_STATUS.enquiryOpened]: 'Opened (new incoming enquiry)',
  [EVENT_STATUS.enquiryHandling]: 'Handling (a staff member took it up)',
  [EVENT_STATUS.enquiryClosed]: 'Closed',
  [EVENT_STATUS.enquiryMissed]: 'Missed',
};

export default defineHookTrigger({
  ...ENQUIRY_TRIGGER,
  key: 'enquiry_event',
  label: 'Enquiry Status Changed',
  description:
    'Triggers when an enquiry reaches any chosen status (opened, handling, closed, missed) in CINNOX. A closed enquiry comes with its conversation as a plain-text transcript and as a text file, read from CINNOX only when a later step of the Zap uses them. CINNOX keeps one URL per subscription, so one connection cannot run, say, a Missed Enquiry Zap beside an Enquiry Closed Zap: this one Zap with a Filter or Paths step on Status can serve both.',
  statusChoice: {
    key: 'statuses',
    label: 'Statuses',
    helpText:
      'The enquiry statuses this Zap runs on. Leave empty for all four; then branch on **Status** with a Filter or Paths step.',
    choices: ENQUIRY_EVENT_CHOICES,
  },
  outputFields: ENQUIRY_CLOSED_FIELDS,
  sample: ENQUIRY_CLOSED_SAMPLE,
});
