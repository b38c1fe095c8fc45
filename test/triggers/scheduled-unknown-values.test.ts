/**
 * The scheduled triggers' filters meeting a value none of their choices knows (A30): the poll fails, naming the
 * value and the filter, rather than drop the record unseen.
 */
import { failure } from '../helpers/app';
import { CALL_LOG, ENQUIRIES, SMS_DETAILS, answer, call, enquiry, poll, sms, type Item } from '../helpers/reports';

describe('a value none of a filter’s choices knows fails the poll, naming it, rather than drop the record unseen (A30)', () => {
  const unknown = (report: string, label: string, value: string) =>
    `CINNOX listed ${report} records with ${label} "${value}", which none of this trigger's choices knows (A30), so the trigger cannot tell whether they match the ${label} chosen, and stops rather than drop them unseen. To receive every record meanwhile, leave ${label} empty (a Filter step can filter on it), and report the value to the app's developers.`;
  const cases: [string, string, string, Item[], Item, string | string[]][] = [
    [
      'an enquiry channel',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { channel: 'Telegram' }), enquiry(2, { channel: 'WHATSAPP' })],
      { channels: ['WHATSAPP'] },
      unknown('Enquiry Details', 'Channel', 'Telegram'),
    ],
    [
      'an enquiry status',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { status: 'pending' })],
      { statuses: ['closed'] },
      unknown('Enquiry Details', 'Status', 'pending'),
    ],
    [
      'a call direction',
      'new_call',
      CALL_LOG,
      [call(1, { callDirection: 'Internal' })],
      { directions: ['Inbound'] },
      unknown('the call log', 'Direction', 'Internal'),
    ],
    [
      'a call result, for Missed',
      'new_call',
      CALL_LOG,
      [call(1, { status: 'Voicemail' })],
      { results: ['missed'] },
      unknown('the call log', 'Result', 'Voicemail'),
    ],
    [
      'an SMS usage',
      'new_or_updated_sms',
      SMS_DETAILS,
      [sms(1, { usage: 'campaign' })],
      { kinds: ['Outbound'] },
      unknown('SMS Details', 'Kind', 'campaign'),
    ],
    [
      'an SMS carrier status',
      'new_or_updated_sms',
      SMS_DETAILS,
      [sms(1, { carrierStatus: 'Expired' })],
      { statuses: ['Delivered'] },
      unknown('SMS Details', 'Status', 'Expired'),
    ],
    // Not reported: the filter is empty (nothing is dropped), or another filter drops the record anyway.
    [
      'an unknown channel, Channel empty',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { channel: 'Telegram' })],
      { statuses: ['closed'] },
      ['1001'],
    ],
    [
      'an unknown channel of a status not chosen',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { channel: 'Telegram', status: 'ongoing' })],
      { statuses: ['closed'], channels: ['WHATSAPP'] },
      [],
    ],
  ];
  it.each(cases)('%s', async (_what, key, path, records, inputData, outcome) => {
    answer(path, records);
    if (Array.isArray(outcome)) {
      const items = await poll(key, inputData);
      expect(items.map((i) => i.displayCaseNumber)).toEqual(outcome);
    } else {
      expect(await failure(() => poll(key, inputData))).toMatchObject({
        name: 'AppError',
        code: 'CinnoxUnknownValue',
        message: outcome,
      });
    }
  });
});
