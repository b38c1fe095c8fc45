import { EVENT_STATUS } from '../cinnox/contract';
import {
  CONTACT_DETAIL_FIELDS,
  CONTACT_EVENT_FIELDS,
  CONTACT_TRIGGER,
  OWNER_TRANSFER_FIELDS,
  contactDetailSample,
  defineHookTrigger,
} from '../hooks';

/** The five contact statuses, as the Events drop-down shows them. */
export const CONTACT_EVENT_CHOICES = {
  [EVENT_STATUS.contactCreated]: 'Created',
  [EVENT_STATUS.contactEdited]: 'Edited',
  [EVENT_STATUS.contactMerged]: 'Merged',
  [EVENT_STATUS.contactTransferred]: 'Ownership Transferred',
  [EVENT_STATUS.contactDeleted]: 'Deleted',
};

export default defineHookTrigger({
  ...CONTACT_TRIGGER,
  key: 'contact_event',
  label: 'External Contact Event',
  description:
    'Triggers when any chosen external contact event (created, edited, merged, ownership transferred, deleted) happens in CINNOX. CINNOX keeps one URL per subscription, so one connection cannot run, say, a New External Contact Zap beside an External Contact Deleted Zap: this one Zap with a Filter or Paths step on Status can serve both.',
  statusChoice: {
    key: 'statuses',
    label: 'Events',
    helpText:
      'The contact events this Zap runs on. Leave empty for all five; then branch on **Status** with a Filter or Paths step.',
    choices: CONTACT_EVENT_CHOICES,
  },
  outputFields: [...CONTACT_EVENT_FIELDS, ...OWNER_TRANSFER_FIELDS, ...CONTACT_DETAIL_FIELDS],
  sample: { ...contactDetailSample(EVENT_STATUS.contactCreated), fromOwnerID: '', toOwnerID: '' },
});
