/**
 * The recording event group (`recording-event-sub`, docs/cinnox-api.md §2.6): a call's or a conference's
 * recording file is ready (`success`) or failed (`fail`). The notification comes in the Open API envelope
 * (`message.type` call / conference, `message.status`, `message.id` the call or conference ID,
 * `message.serviceId`). CINNOX has no public list of recordings, so performList shows the sample.
 */
import { SUBSCRIPTIONS } from '../../cinnox/contract';
import { asText } from '../../cinnox/values';
import { pick } from '../payload';
import { SAMPLE, defineGroup, eventIdOf, eventTime, serviceIdOf, statusOf } from './shared';

export const recordingGroup = defineGroup({
  subscription: SUBSCRIPTIONS.recording,
  events: 'call recording events',
  normalize(event, ctx) {
    const callId = asText(pick(event, 'id', 'callId', 'conferenceId'));
    const status = statusOf(event);
    const type = asText(pick(event, 'type'));
    const time = eventTime(event, ctx);
    return {
      // One recording per call or conference, but a retry may follow a failure: the time keeps ids apart.
      id: eventIdOf(event, callId && `${callId}:${type || 'call'}`, status, time),
      status,
      type,
      callId,
      time,
      serviceId: serviceIdOf(event),
    };
  },
  // Get Recording Files has no public page (§2.4): the sample.
  recent: () => Promise.resolve([]),
});

export const RECORDING_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'type', label: 'Recording Of (call or conference)' },
  { key: 'callId', label: 'Call or Conference ID' },
  { key: 'time', label: 'Time', type: 'datetime' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

export const RECORDING_TRIGGER = {
  noun: 'Call Recording',
  group: 'recording',
  outputFields: RECORDING_FIELDS,
} as const;

export const RECORDING_SAMPLE = {
  id: `call-7f3e2a91:call:success:${SAMPLE.time}`,
  status: 'success',
  type: 'call',
  callId: 'call-7f3e2a91',
  time: SAMPLE.time,
  serviceId: SAMPLE.serviceId,
};
