/**
 * The sandbox misbehaving on demand (sandbox/faults.ts: `--fault` and the admin API), over real sockets, and the
 * app's operations meeting it as a developer would see them: a write whose connection is reset after CINNOX read
 * it (carried out once, reported as unconfirmed), a read reset once and answered the second time, and the canned
 * answers (`answer:PRESET`, `answer:STATUS[:CODE[:REASON]]`) that make each row of the actions' outcome tables
 * (test/creates/every-write.test.ts and each action's own test) happen on demand.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { parseFault } from '../../sandbox/faults.ts';
import { App, appTester, failure } from '../helpers/app';
import { GATEWAY_403_SEEN, expectSeen, seenOf } from '../helpers/outcomes';
import { allowLocalNetwork, startSandbox, type Sandbox } from './harness';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const sendSms = App.creates.send_sms!.operation.perform as Perform;
const findContact = App.searches.find_contact!.operation.perform as Perform;
const createContact = App.creates.create_contact!.operation.perform as Perform;
const sendImToRoom = App.creates.send_im_to_room!.operation.perform as Perform;

let sandbox: Sandbox;
allowLocalNetwork();
beforeAll(async () => {
  sandbox = await startSandbox(['--fault', 'GET /access-numbers=delay:300']);
});
afterAll(async () => sandbox.stop());

const bundleWith = (inputData: Record<string, unknown>) => ({
  authData: { appId: sandbox.appId, appToken: sandbox.appToken, baseUrl: sandbox.baseUrl },
  inputData,
});

describe('fault syntax', () => {
  it('reads METHOD PATH=MODE[:ARG][*TIMES] and refuses anything else, saying the form', () => {
    expect(parseFault('post /sms=reset*1')).toEqual({ method: 'POST', path: '/sms', mode: 'reset', times: 1 });
    expect(parseFault('GET /access-numbers=delay:3000')).toEqual({
      method: 'GET',
      path: '/access-numbers',
      mode: 'delay',
      ms: 3000,
    });
    expect(() => parseFault('POST /sms=explode')).toThrow(
      'fault "POST /sms=explode" is not METHOD PATH=MODE[:ARG][*TIMES] with MODE one of delay, hang, reset, stall, answer',
    );
    expect(() => parseFault('GET /x=delay')).toThrow('delay needs its milliseconds');
    expect(() => parseFault('POST /sms=reset:100')).toThrow('fault "POST /sms=reset:100": reset takes no argument');
  });

  it('reads a canned answer: a preset of the route, or STATUS[:CODE[:REASON]]; refuses a preset of another route', () => {
    expect(parseFault('POST /sms=answer:all-rejected*1')).toEqual({
      method: 'POST',
      path: '/sms',
      mode: 'answer',
      answer: 'all-rejected',
      times: 1,
    });
    expect(parseFault('post /sms=answer:400:6451000:Invalid senderNumber')).toEqual({
      method: 'POST',
      path: '/sms',
      mode: 'answer',
      answer: '400:6451000:Invalid senderNumber',
    });
    expect(parseFault('GET /labels=answer:gateway-403')).toMatchObject({ answer: 'gateway-403' });
    expect(() => parseFault('GET /labels=answer:all-rejected')).toThrow(
      'fault "GET /labels=answer:all-rejected": answer:all-rejected answers POST /sms only',
    );
    expect(() => parseFault('POST /sms=answer:everything')).toThrow(
      'answer:everything is neither a preset (all-rejected, gateway-403, not-closed, digits, empty-answer, id-under-result) nor STATUS[:CODE[:REASON]]',
    );
    expect(() => parseFault('POST /sms=answer')).toThrow('answer needs a preset');
    expect(() => parseFault('POST /sms=answer:99')).toThrow('is neither a preset');
    expect(() => parseFault('POST /sms=answer:700')).toThrow('the status must be from 200 to 599');
  });
});

describe('faults on demand', () => {
  afterEach(async () => sandbox.admin('DELETE', '/faults'));

  it('--fault at start: the route answers late, and the admin API lists, sets and clears faults', async () => {
    const started = Date.now();
    const answer = await sandbox.api('GET', '/access-numbers?offset=0&limit=1');
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const set = await sandbox.admin('POST', '/faults', { fault: 'POST /sms=reset*1' });
    expect(set.faults).toEqual(expect.arrayContaining([{ method: 'POST', path: '/sms', mode: 'reset', times: 1 }]));
    const refused = await sandbox.adminRaw('POST', '/faults', { fault: 'nonsense' });
    expect(refused.status).toBe(400);
    expect((await sandbox.admin('DELETE', '/faults')).faults).toEqual([]);
  });

  it('Send SMS against a reset after CINNOX read it: sent once, and the step says it may have happened', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /sms=reset*1' });
    const before = (await sandbox.admin('GET', '/state')).sms.length;
    const error = await failure(() =>
      appTester(
        sendSms,
        bundleWith({
          number_type: 'access-numbers',
          sender_number: '+85230001234',
          recipient_numbers: ['+85294667788'],
          text: 'Reset after reading',
        }),
      ),
    );
    expect(error.code).toBe('CinnoxWriteUnconfirmed');
    expect(error.message).toContain('Check the SMS report in the CINNOX Dashboard');
    const state = await sandbox.admin('GET', '/state');
    expect(state.sms.slice(before).map((s: { text?: string }) => s.text)).toEqual(['Reset after reading']);
    expect(state.requests.at(-1)).toMatchObject({ method: 'POST', path: '/sms', fault: 'reset' });
  });

  it('Find External Contact whose first connection is reset: sent once more, and answered', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'GET /contacts/extcontact-list=reset*1' });
    const found = (await appTester(findContact, bundleWith({ full_name: 'Ann Lee' }))) as { id: string }[];
    expect(found.length).toBeGreaterThan(0);
    const requests = (await sandbox.admin('GET', '/state')).requests.filter(
      (r: { path: string }) => r.path === '/contacts/extcontact-list',
    );
    expect(requests.slice(-2).map((r: { fault?: string }) => r.fault ?? 'answered')).toEqual(['reset', 'answered']);
  });
});

describe('canned answers on demand', () => {
  afterEach(async () => sandbox.admin('DELETE', '/faults'));
  const smsInput = {
    number_type: 'access-numbers',
    sender_number: '+85230001234',
    recipient_numbers: ['+85294667788', '+14155552671'],
    text: 'Canned',
  };
  /** A raw Open API call: a canned page is not JSON. */
  const raw = async (method: string, apiPath: string, body?: unknown) => {
    const response = await fetch(`${sandbox.apiRoot}${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${sandbox.appToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('all-rejected: every recipient Rejected, nothing sent; Send SMS fails naming each recipient', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /sms=answer:all-rejected' });
    const before = (await sandbox.admin('GET', '/state')).sms.length;
    const answer = await sandbox.api('POST', '/sms', {
      body: { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Hi' },
    });
    expect(answer).toEqual({
      status: 200,
      data: {
        code: 0,
        result: [
          {
            recipientNumber: '+85294667788',
            transactionID: '',
            status: 'Rejected',
            responseCode: '400',
            exception: 'sms send failed',
          },
        ],
      },
    });
    const error = await failure(() => appTester(sendSms, bundleWith(smsInput)));
    expect([error.code, error.message]).toEqual([
      'CinnoxSmsNotSent',
      'CINNOX did not send the SMS to any recipient: +85294667788: Rejected (response code 400, sms send failed); +14155552671: Rejected (response code 400, sms send failed). Check the Sender Number, the Recipient Number and the SMS balance of your CINNOX account, then replay this step.',
    ]);
    const state = await sandbox.admin('GET', '/state');
    expect(state.sms.length).toBe(before);
    expect(state.requests.at(-1)).toMatchObject({ method: 'POST', path: '/sms', fault: 'answer:all-rejected' });
  });

  it('gateway-403: a bare 403 page on any route; Send SMS shows what errors.ts makes of it', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /sms=answer:gateway-403' });
    const page = await raw('POST', '/sms', { senderNumber: '+85230001234', recipientNumbers: [], text: 'x' });
    expect(page.status).toBe(403);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.text).toContain('<title>403 Forbidden</title>');
    expectSeen(await seenOf(() => appTester(sendSms, bundleWith(smsInput))), GATEWAY_403_SEEN);
  });

  it('not-closed: the chat of a closed enquiry answers 6451011; the next request (*1) the chat', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'GET /data/enquiry-chat=answer:not-closed*1' });
    expect(await sandbox.api('GET', '/data/enquiry-chat?enquiryID=1001')).toEqual({
      status: 400,
      data: { code: 6451011, message: 'No records found' },
    });
    const chat = await sandbox.api('GET', '/data/enquiry-chat?enquiryID=1001');
    expect(chat.status).toBe(200);
    expect(chat.data.result.length).toBeGreaterThan(0);
  });

  it('digits: the number list with each number as digits, without "+"', async () => {
    const listed = (await sandbox.api('GET', '/access-numbers?offset=0&limit=500')).data.result;
    await sandbox.admin('POST', '/faults', { fault: 'GET /access-numbers=answer:digits' });
    const answer = await sandbox.api('GET', '/access-numbers?offset=0&limit=500');
    expect(answer.status).toBe(200);
    expect(answer.data.result.map((r: { Number: string }) => r.Number)).toEqual(
      listed.map((r: { Number: string }) => r.Number.replace(/^\+/, '')),
    );
    expect(answer.data.result.map((r: { Number: string }) => r.Number)).toContain('85230001234');
  });

  it('id-under-result: the contact is created, its id under result; Create External Contact outputs that id', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /management/create_externalcontact=answer:id-under-result' });
    const result = (await appTester(createContact, bundleWith({ first_name: 'Canned', last_name: 'Contact' }))) as {
      id: string;
    };
    const made = (await sandbox.admin('GET', '/state')).contacts.find(
      (c: { firstName?: string }) => c.firstName === 'Canned',
    );
    expect(result.id).toBe(made.id);
    const answered = await sandbox.api('POST', '/management/create_externalcontact', { body: { firstName: 'Two' } });
    expect(answered.data).toEqual({ code: 0, result: { id: expect.any(String) } });
  });

  it('empty-answer: the message is posted, the answer is {}; Send IM to Room fails, saying to check before replaying', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /message-push=answer:empty-answer' });
    const before = (await sandbox.admin('GET', '/state')).messages.length;
    const error = await failure(() =>
      appTester(sendImToRoom, bundleWith({ room_id: 'room-sandbox-general', text: 'Hi' })),
    );
    expect([error.code, error.message]).toEqual([
      'CinnoxNotConfirmed',
      'CINNOX answered the message push without a code (0 means posted), so the app cannot tell whether the message was posted: "{}". Check the conversation in CINNOX before replaying this step, so the message is not posted twice.',
    ]);
    expect((await sandbox.admin('GET', '/state')).messages.length).toBe(before + 1);
  });

  it('STATUS:CODE:REASON answers CINNOX’s body; STATUS alone a bare page; nothing is carried out', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /sms=answer:400:7210101:bad request' });
    await sandbox.admin('POST', '/faults', { fault: 'GET /labels=answer:502' });
    const before = (await sandbox.admin('GET', '/state')).sms.length;
    expect(
      await sandbox.api('POST', '/sms', {
        body: { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Hi' },
      }),
    ).toEqual({
      status: 400,
      data: { code: 7210101, message: 'bad request' },
    });
    const page = await raw('GET', '/labels');
    expect([page.status, page.type?.startsWith('text/html')]).toEqual([502, true]);
    expect((await sandbox.admin('GET', '/state')).sms.length).toBe(before);
    const error = await failure(() => appTester(sendSms, bundleWith(smsInput)));
    expect([error.code, error.message]).toEqual([
      'Cinnox7210101',
      "CINNOX reported an error while sending the SMS (CINNOX code 7210101: bad request). Check this step's fields and your CINNOX account's SMS balance, and check CINNOX's SMS records before replaying this step, in case some of it went out.",
    ]);
  });
});
