/**
 * New or Updated Enquiry and New or Updated SMS: the report each polls, its filters, the items and their ids (one
 * per record and status), and every spelling of an enquiry's channel CINNOX documents.
 */
import { failure } from '../helpers/app';
import { ENQUIRIES, SMS_DETAILS, answer, enquiry, minutesAgo, poll, sms, trigger, type Item } from '../helpers/reports';

describe('New or Updated Enquiry', () => {
  it('gives each enquiry in its status with Find Enquiry’s keys; its id is the record id and the status', async () => {
    answer(ENQUIRIES, [enquiry(1, { svcID: 'svc-1', locationDetail: { city: 'Kowloon' } })]);
    const [item] = await poll('new_or_updated_enquiry');
    expect(item).toMatchObject({
      id: '66b000000000000000000001:closed',
      enquiryID: '66b000000000000000000001',
      _id: '66b000000000000000000001',
      inquiry: 'inq-1',
      displayCaseNumber: '1001',
      status: 'closed',
      channel: 'Weblink',
      svcID: 'svc-1',
      createdAt: '2026-12-01T11:50:00.000Z',
      updatedAt: '2026-12-01T11:55:00.000Z',
      locationDetail: { city: 'Kowloon', regionCode: null },
    });
    // The Zap editor lists the item's id and record id first, as in the sample.
    expect(Object.keys(item!).slice(0, 2)).toEqual(['id', 'enquiryID']);
    // Every output field of the trigger is a key of the item (nested ones inside their object).
    for (const { key } of trigger('new_or_updated_enquiry').operation.outputFields) {
      const [top, inner] = key.split('__');
      expect(inner === undefined ? item : (item![top!] as Item)).toHaveProperty(inner ?? top!);
    }
  });

  it('filters by status and channel, whatever their case or spacing', async () => {
    const records = [
      enquiry(1, { status: 'ongoing', channel: 'Web Link' }),
      enquiry(2, { status: 'Followed-Up', channel: 'WHATSAPP' }),
      enquiry(3, { status: 'missed', channel: 'VirtualNumber' }),
      enquiry(4, { status: 'closed', channel: 'whatsapp' }),
    ];
    const ids = async (inputData: Item) => {
      answer(ENQUIRIES, records);
      return (await poll('new_or_updated_enquiry', inputData)).map((i) => i.displayCaseNumber);
    };
    await expect(ids({ statuses: ['ongoing', 'followed-up'] })).resolves.toEqual(['1001', '1002']);
    await expect(ids({ channels: ['WHATSAPP'] })).resolves.toEqual(['1002', '1004']);
    await expect(ids({ channels: ['Weblink'], statuses: ['ongoing'] })).resolves.toEqual(['1001']);
    const error = await failure(() => poll('new_or_updated_enquiry', { statuses: ['resolved'] }));
    expect(error.message).toContain('Status must be one of Open (waiting in the queue) (open),');
  });

  it('an enquiry reopened and closed again is a new item (its id has the reopening time)', async () => {
    const reopened = enquiry(1, { reopenedAt: minutesAgo(3) });
    answer(ENQUIRIES, [reopened, enquiry(2)]);
    await expect(poll('new_or_updated_enquiry').then((items) => items.map((i) => i.id))).resolves.toEqual([
      '66b000000000000000000001:closed:2026-12-01T11:57:00.000Z',
      '66b000000000000000000002:closed',
    ]);
  });

  it('reads the whole report, so an old enquiry closed a moment ago comes first', async () => {
    // Listed newest created first; the enquiry created long ago (page 2) changed last.
    const first = Array.from({ length: 500 }, (_, i) => enquiry(i + 1, { updatedAt: minutesAgo(600 + i) }));
    const second = [enquiry(600, { updatedAt: minutesAgo(1) })];
    answer(ENQUIRIES, first);
    answer(ENQUIRIES, second, 500);
    const items = await poll('new_or_updated_enquiry');
    expect(items).toHaveLength(100);
    expect(items[0]!.displayCaseNumber).toBe('1600');
  });
});

describe('New or Updated SMS', () => {
  it('gives each SMS in its status, with the keys the SMS triggers share', async () => {
    answer(SMS_DETAILS, [sms(1, { fromEID: 'staff-1' })]);
    await expect(poll('new_or_updated_sms')).resolves.toEqual([
      {
        id: 'sms-1:Delivered',
        smsId: 'sms-1',
        kind: 'Outbound',
        usage: 'openAPI-sms',
        status: 'Delivered',
        sendStatus: 'Submitted',
        carrierStatus: 'Delivered',
        senderNumber: '+85230001234',
        recipientNumber: '+85298765432',
        recipientCountry: 'HK',
        content: 'Message 1',
        segmentCount: 1,
        senderStaffId: 'staff-1',
        recipientStaffId: '',
        createdAt: '2026-12-01T11:59:00.000Z',
        updatedAt: '2026-12-01T11:59:00.000Z',
      },
    ]);
  });

  it('filters by kind (its usage) and status (rejected, else the carrier’s, else submitted)', async () => {
    const records = [
      sms(1, { usage: 'inbound' }),
      sms(2, { usage: 'openAPI-otp', carrierStatus: 'Undelivered' }),
      sms(3, { usage: 'direct', status: 'Rejected', carrierStatus: '' }),
      sms(4, { usage: 'verification', carrierStatus: '' }),
    ];
    const ids = async (inputData: Item) => {
      answer(SMS_DETAILS, records);
      return (await poll('new_or_updated_sms', inputData)).map((i) => i.id);
    };
    await expect(ids({ kinds: ['Inbound'] })).resolves.toEqual(['sms-1:Delivered']);
    await expect(ids({ kinds: ['OTP'] })).resolves.toEqual(['sms-2:Undelivered', 'sms-4:Submitted']);
    await expect(ids({ statuses: ['Undelivered', 'Rejected'] })).resolves.toEqual([
      'sms-2:Undelivered',
      'sms-3:Rejected',
    ]);
    await expect(ids({ kinds: ['Outbound'], statuses: ['Rejected'] })).resolves.toEqual(['sms-3:Rejected']);
  });

  it('an SMS delivered after it was submitted is a second item, first in the list', async () => {
    answer(SMS_DETAILS, [sms(1, { carrierStatus: '' }), sms(2, { updatedAt: minutesAgo(0) })]);
    await expect(poll('new_or_updated_sms').then((items) => items.map((i) => i.id))).resolves.toEqual([
      'sms-2:Delivered',
      'sms-1:Submitted',
    ]);
  });
});

describe("New or Updated Enquiry's Channel: every spelling CINNOX documents", () => {
  const CHOICES = Object.keys(
    (trigger('new_or_updated_enquiry').operation as unknown as { inputFields: { key: string; choices: Item }[] })
      .inputFields[1]!.choices,
  );

  it('offers each channel the API reference and the CINNOX Zapier guide name', () => {
    expect(CHOICES).toEqual([
      'Directory',
      'Weblink',
      'Campaign',
      'VirtualNumber',
      'Email',
      'ThirdParty',
      'FACEBOOK',
      'WHATSAPP',
      'WECHAT',
      'LINE',
      'WOZTELL',
      'INSTAGRAM',
      'CHATBOT',
      'CINNOX',
    ]);
  });

  // The API reference's (§2.1, §2.5, the Reports overview) and the CINNOX Zapier guide's spellings.
  it.each([
    ['Weblink', ['Weblink']],
    ['Web Link', ['Weblink']],
    ['Directory - Web Link', ['Directory', 'Weblink']],
    ['Directory', ['Directory']],
    ['Tag/Directory', ['Directory']],
    ['Campaign', ['Campaign']],
    ['VirtualNumber', ['VirtualNumber']],
    ['Virtual Number', ['VirtualNumber']],
    ['EMAIL', ['Email']],
    ['ThirdParty', ['ThirdParty']],
    ['THIRDPARTY', ['ThirdParty']],
    ['Third Party Channel', ['ThirdParty']],
    ['FACEBOOK', ['FACEBOOK']],
    ['Facebook Messenger', ['FACEBOOK']],
    ['Messenger', ['FACEBOOK']],
    ['Messager', ['FACEBOOK']],
    ['WhatsApp', ['WHATSAPP']],
    ['WeChat', ['WECHAT']],
    ['LINE', ['LINE']],
    ['WOZTELL', ['WOZTELL']],
    ['INSTAGRAM', ['INSTAGRAM']],
    ['CHATBOT', ['CHATBOT']],
    ['CINNOX', ['CINNOX']],
  ])('an enquiry on %p passes Channel %p and no other choice', async (channel, matching) => {
    const items = async (channels: string[]) => {
      answer(ENQUIRIES, [enquiry(1, { channel })]);
      return (await poll('new_or_updated_enquiry', { channels })).map((i) => i.channel);
    };
    await expect(items(matching)).resolves.toEqual([channel]);
    await expect(items(CHOICES.filter((c) => !matching.includes(c)))).resolves.toEqual([]);
  });
});
