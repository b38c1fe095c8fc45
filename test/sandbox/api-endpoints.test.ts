/**
 * The sandbox's Open API, over HTTP against a real child process: every endpoint of src/cinnox/contract.ts
 * (paths, parameter names, list envelopes, paging, report windows) and what the writes record; the call log and
 * inbound SMS reports.
 */
import {
  CONTACT_CREATE_PATH,
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_DETAIL_PATH,
  LABEL_LIST_PATH,
  MESSAGE_PUSH_PATH,
  SEND_SMS_PATH,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
  contactUpdatePath,
  numberListPath,
} from '../../src/cinnox/contract';
import * as contract from '../../src/cinnox/contract';
import { badParameters, sharedSandbox } from './harness';

const sandbox = sharedSandbox();
const isoWeek = () => {
  const end = new Date();
  const start = new Date(end.getTime() - 7 * 24 * 3600 * 1000);
  return `startAt=${encodeURIComponent(start.toISOString())}&endAt=${encodeURIComponent(end.toISOString())}`;
};

describe('endpoints (the paths and parameter names of src/cinnox/contract.ts)', () => {
  it('serves every path src/cinnox/contract.ts declares: none answers "method not found" to each method tried', async () => {
    // Every `*_PATH` constant of the contract, so a path declared for a new endpoint fails here until the sandbox
    // serves it; the paths built per record, type or subscription, for one of each.
    const declared = Object.entries(contract)
      .filter(([name, value]) => name.endsWith('_PATH') && typeof value === 'string' && value.startsWith('/'))
      .map(([, value]) => value as string);
    expect(declared).toEqual(expect.arrayContaining([SEND_SMS_PATH, CONTACT_LIST_PATH]));
    const paths = [
      ...declared,
      contract.contactUpdatePath('64f000000000000000000001'),
      contract.enquiryLabelsPath('66b000000000000000000001'),
      ...(Object.keys(contract.NUMBER_TYPES) as contract.NumberType[]).map((t) => contract.numberListPath(t)),
      ...Object.values(contract.SUBSCRIPTIONS).map((name) => contract.subscriptionPath(name)),
    ];
    const unknown: string[] = [];
    for (const apiPath of paths) {
      // An empty body: each write refuses it (6451000) without changing the account.
      const answers = [];
      for (const method of ['GET', 'POST', 'PUT', 'PATCH']) {
        const { data } = await sandbox().api(method, apiPath, method === 'GET' ? {} : { body: {} });
        answers.push(data?.code);
        if (data?.code !== 6450001) break;
      }
      if (answers.every((code) => code === 6450001)) unknown.push(apiPath);
    }
    expect(unknown).toEqual([]);
  });

  it('lists staff in {code, result} pages, filtered by fullName', async () => {
    const page = await sandbox().api('GET', `${STAFF_LIST_PATH}?offset=1&limit=1`);
    expect(page).toMatchObject({
      status: 200,
      data: {
        code: 0,
        result: [{ id: '5f0000000000000000000002', firstName: 'Ben', lastName: 'Chan', status: 'Activated' }],
      },
    });
    const found = await sandbox().api('GET', `${STAFF_LIST_PATH}?fullName=cara%20ng`);
    expect(found.data.result.map((s: { displayName: string }) => s.displayName)).toEqual(['Cara Ng']);
  });

  it('creates a contact and lists it by id in the §3.1 record shape; an update changes only what it sends', async () => {
    const body = {
      firstName: 'Zoe',
      lastName: 'Yip',
      level: 'Tertiary',
      type: 'Prospect',
      phones: [{ type: 'Mobile', phone: '+85291234567' }],
      emails: [{ type: 'Personal', email: 'zoe@example.com' }],
      company: 'Yip & Co',
      jobTitle: 'Owner',
      team: 'Board',
      group: 'Partners',
      language: 'zh-hant',
      birthDate: '29/02/1988',
      addresses: { street: '1 Main St', city: 'Kowloon', state: 'KLN', zipcode: '000000', country: 'HK' },
      socialContacts: [{ key: 'woztellInstagram', value: 'zoe.yip' }],
    };
    const created = await sandbox().api('POST', CONTACT_CREATE_PATH, { body });
    expect(created).toEqual({ status: 200, data: { code: 0, id: '64f000000000000000000003' } });
    const listed = await sandbox().api(
      'GET',
      `${CONTACT_LIST_PATH}?${CONTACT_ID_PARAM}=${created.data.id}&offset=0&limit=1`,
    );
    const record = {
      id: created.data.id,
      firstName: 'Zoe',
      lastName: 'Yip',
      level: 'Tertiary',
      customerType: 'Prospect',
      mobilePhone: 85291234567,
      personalEmail: 'zoe@example.com',
      companyName: 'Yip & Co',
      jobTitle: 'Owner',
      department: 'Board',
      group: 'Partners',
      language: 'zh-hant',
      birthday: '29/02/1988',
      address: body.addresses,
      addresses: body.addresses,
      woztellInstagram: 'zoe.yip',
      ownerId: '5f0000000000000000000001',
      ownerName: 'Ada Wong',
    };
    expect(listed.data).toEqual({ code: 0, result: [expect.objectContaining(record)] });

    await expect(
      sandbox().api('PUT', contactUpdatePath(created.data.id), {
        body: { jobTitle: 'Chair', phones: [{ type: 'Work', phone: '+85223456789' }] },
      }),
    ).resolves.toEqual({
      status: 200,
      data: { code: 0, id: created.data.id },
    });
    const after = (
      await sandbox().api('GET', `${CONTACT_LIST_PATH}?${CONTACT_NAME_PARAM}=${encodeURIComponent('  zoe   YIP ')}`)
    ).data.result;
    expect(after).toEqual([expect.objectContaining({ ...record, jobTitle: 'Chair', workPhone: 85223456789 })]);
  });

  it('searches contacts by fullName loosely (contains, any case)', async () => {
    const { data } = await sandbox().api('GET', `${CONTACT_LIST_PATH}?${CONTACT_NAME_PARAM}=ann`);
    expect(data.result.map((c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`)).toEqual([
      'Ann Lee',
    ]);
  });

  it('lists labels under labelList, by id or name', async () => {
    const all = await sandbox().api('GET', `${LABEL_LIST_PATH}?limit=50`);
    expect(all.data).toEqual({
      code: 0,
      labelList: [
        expect.objectContaining({
          id: '65a000000000000000000001',
          name: 'VIP',
          colorName: 'red',
          colorCode: '#E53935',
          createdBy: '5f0000000000000000000001',
        }),
        expect.objectContaining({
          id: '65a000000000000000000002',
          name: 'Follow-up',
          colorName: 'blue',
          colorCode: '#1E88E5',
        }),
      ],
    });
    expect((await sandbox().api('GET', `${LABEL_LIST_PATH}?name=vip`)).data.labelList).toHaveLength(1);
  });

  it('pages each number type with offset / limit, in the digest’s keys (docs/cinnox-api.md §1.4)', async () => {
    const first = await sandbox().api('GET', `${numberListPath('access-numbers')}?offset=0&limit=2`);
    expect(first.data.result).toEqual([
      {
        ServiceID: 'sandbox-service',
        Number: '+85230001234',
        type: 'DID',
        country: ['HK'],
        expireDate: '2030-12-31T00:00:00.000Z',
        name: 'Hong Kong office',
        supportSMS: true,
        supportCall: true,
      },
      expect.objectContaining({ Number: '+14155550123', type: 'DID', country: ['US'] }),
    ]);
    const second = await sandbox().api('GET', `${numberListPath('access-numbers')}?offset=2&limit=2`);
    expect(second.data.result).toEqual([
      expect.objectContaining({ Number: '+85280001234', type: 'TF', supportSMS: false }),
    ]);
    expect(
      (await sandbox().api('GET', numberListPath('cli'))).data.result.map((n: { type: string }) => n.type),
    ).toEqual(['CUSTOM', 'CUSTOM']);
    expect(
      (await sandbox().api('GET', numberListPath('sms-numbers'))).data.result.map((n: { Number: string }) => n.Number),
    ).toEqual(['CINNOX', 'SANDBOX']);
  });

  it('finds an enquiry by display case number in a window, and lists the window newest first', async () => {
    const byCase = await sandbox().api('GET', `${ENQUIRY_DETAIL_PATH}?${ENQUIRY_CASE_NUMBER_PARAM}=1001&${isoWeek()}`);
    expect(byCase.data.result).toEqual([
      expect.objectContaining({
        _id: '66b000000000000000000001',
        displayCaseNumber: '1001',
        status: 'closed',
        closedByType: 'staff',
        handledPartyName: 'Ben Chan',
        svcID: 'sandbox-service',
        initChannel: 'IM',
      }),
    ]);
    const week = await sandbox().api('GET', `${ENQUIRY_DETAIL_PATH}?${isoWeek()}&offset=0&limit=3`);
    expect(
      week.data.result.map((e: { displayCaseNumber: string; status: string }) => [e.displayCaseNumber, e.status]),
    ).toEqual([
      ['1002', 'missed'],
      ['1001', 'closed'],
    ]);
  });

  it('a new enquiry is open (waiting to be picked up) until a staff member handles it, then ongoing (A19)', async () => {
    const opened = await sandbox().admin('POST', '/events/enquiry.opened', {});
    expect(opened.record.status).toBe('open');
    const handled = await sandbox().admin('POST', '/events/enquiry.handling', { id: opened.record._id });
    expect(handled.record.status).toBe('ongoing');
    const closed = await sandbox().admin('POST', '/events/enquiry.closed', { id: opened.record._id });
    expect(closed.record.status).toBe('closed');
  });

  it('records each SMS per recipient with the parts it is charged as, and reports it in sms-detail', async () => {
    const gsm161 = 'a'.repeat(161);
    const sent = await sandbox().api('POST', SEND_SMS_PATH, {
      body: { senderNumber: '+85230001234', recipientNumbers: ['+85294667788', '+6591234567'], text: gsm161 },
    });
    expect(sent.status).toBe(200);
    expect(sent.data).toEqual({
      code: 0,
      result: [
        {
          recipientNumber: '+85294667788',
          transactionID: expect.stringMatching(/^[0-9a-f-]{36}$/),
          status: 'Submitted',
          responseCode: '',
          exception: '',
        },
        {
          recipientNumber: '+6591234567',
          transactionID: expect.stringMatching(/^[0-9a-f-]{36}$/),
          status: 'Submitted',
          responseCode: '',
          exception: '',
        },
      ],
    });
    await sandbox().api('POST', SEND_SMS_PATH, {
      body: { senderNumber: 'cinnox', recipientNumbers: ['+85294667788'], text: '你'.repeat(70) },
    });
    await sandbox().api('POST', SEND_SMS_PATH, {
      body: { senderNumber: '85230005678', recipientNumbers: ['+85294667788'], text: '你'.repeat(71) },
    });

    const { sms } = await sandbox().admin('GET', '/state');
    expect(
      sms.map((s: Record<string, unknown>) => [
        s.sender,
        s.recipient,
        s.recipientCountryCode,
        s.encoding,
        s.parts,
        s.characters,
      ]),
    ).toEqual([
      ['+85230001234', '+85294667788', 'HK', 'GSM-7', 2, 161],
      ['+85230001234', '+6591234567', 'SG', 'GSM-7', 2, 161],
      ['cinnox', '+85294667788', 'HK', 'UCS-2', 1, 70],
      ['85230005678', '+85294667788', 'HK', 'UCS-2', 2, 71],
    ]);
    expect(sms[0].transactionID).toBe(sent.data.result[0].transactionID);

    const detail = await sandbox().api('GET', `${SMS_DETAIL_PATH}?${isoWeek()}&offset=0&limit=10`);
    expect(detail.data.result).toHaveLength(4);
    expect(detail.data.result).toContainEqual(
      expect.objectContaining({
        smsID: sent.data.result[1].transactionID,
        segmentCount: 2,
        usage: 'openAPI-sms',
        recipientCountryCode: 'SG',
        text: gsm161,
        status: 'Submitted',
      }),
    );
  });

  it('records a message push to a room or to a staff member (receiverEID, no roomID)', async () => {
    const toRoom = await sandbox().api('POST', MESSAGE_PUSH_PATH, {
      body: { roomID: 'room-sandbox-general', messages: [{ type: 'text', text: 'Hello room' }] },
    });
    expect(toRoom.data).toEqual({ code: 0, result: { roomID: 'room-sandbox-general', messageIDs: ['msg-1'] } });
    const toStaff = await sandbox().api('POST', MESSAGE_PUSH_PATH, {
      body: { receiverEID: '5f0000000000000000000002', messages: [{ type: 'text', text: 'Hi Ben' }] },
    });
    expect(toStaff.data).toEqual({
      code: 0,
      result: { roomID: 'direct-5f0000000000000000000002', messageIDs: ['msg-2'] },
    });
    const { messages } = await sandbox().admin('GET', '/state');
    expect(
      messages.map((m: { roomID: string; receiverEID?: string; messages: { text: string }[] }) => [
        m.roomID,
        m.receiverEID,
        m.messages[0]!.text,
      ]),
    ).toEqual([
      ['room-sandbox-general', undefined, 'Hello room'],
      ['direct-5f0000000000000000000002', '5f0000000000000000000002', 'Hi Ben'],
    ]);
  });

  it('reset restores the seeded account and forgets what happened', async () => {
    await sandbox().api('POST', CONTACT_CREATE_PATH, { body: { firstName: 'Temp' } });
    expect((await sandbox().admin('GET', '/state')).contacts).toHaveLength(3);
    await sandbox().admin('POST', '/reset');
    const state = await sandbox().admin('GET', '/state');
    expect([
      state.contacts.length,
      state.labels.length,
      state.enquiries.length,
      state.events.length,
      state.requests.length,
    ]).toEqual([2, 2, 2, 0, 0]);
  });
});

// the call log (A20, A21, A24) and inbound SMS in SMS Details (A22).
describe('call log and inbound SMS', () => {
  it('lists ended calls in the report window newest first, and finds one by callID (A20, A24); 6451011 for none', async () => {
    const started = await sandbox().admin('POST', '/events/call.started');
    const callId = started.record.callID as string;
    // An ongoing call is not in the call log yet.
    expect(await sandbox().api('GET', `/data/call-log?callID=${callId}&${isoWeek()}`)).toMatchObject({
      status: expect.any(Number),
      data: { code: 6451011 },
    });
    await sandbox().admin('POST', '/events/call.ended', { id: callId });
    const one = await sandbox().api('GET', `/data/call-log?callID=${callId}&${isoWeek()}&offset=0&limit=1`);
    expect(one.status).toBe(200);
    expect(one.data.result).toEqual([
      expect.objectContaining({
        callID: callId,
        caller: 85298765432,
        callee: 85230001234,
        callDirection: 'Inbound',
        status: 'Call Ended',
        duration: expect.any(Number),
        callDate: expect.stringMatching(/Z$/),
        callEndTime: expect.stringMatching(/Z$/),
        toEID: '5f0000000000000000000002',
      }),
    ]);
    const window = await sandbox().api('GET', `/data/call-log?${isoWeek()}&offset=0&limit=10`);
    // Newest first: the call just ended, then the seeded call nobody answered, then the seeded answered one.
    expect(window.data.result.map((c: { callID: string; status: string }) => [c.callID, c.status])).toEqual([
      [callId, 'Call Ended'],
      ['call-00000002', 'Not Answered'],
      ['call-00000001', 'Call Ended'],
    ]);
    expect(await sandbox().api('GET', '/data/call-log?callId=x')).toEqual(badParameters('invalid query: (callId)'));
  });

  it('lists an inbound SMS in sms-detail with usage "inbound" (A22)', async () => {
    await sandbox().admin('POST', '/events/sms.inbound', { senderNumber: '+6591234567', content: 'Hi there' });
    const detail = await sandbox().api('GET', `${SMS_DETAIL_PATH}?${isoWeek()}&offset=0&limit=10`);
    expect(detail.data.result).toEqual([
      expect.objectContaining({ usage: 'inbound', sender: '+6591234567', recipient: '+85230001234', text: 'Hi there' }),
    ]);
  });
});
