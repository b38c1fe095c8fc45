/**
 * Inputs at the edges, through the operations: refused before any request (no nock
 * interceptor, so a request would fail the test) with a message naming the field, or accepted and sent.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const runner =
  (key: 'create_contact' | 'send_sms' | 'send_im_to_staff' | 'send_im_to_room') =>
  (inputData: Record<string, unknown>) =>
    appTester(App.creates![key]!.operation.perform as Perform, bundleWith(inputData));
const createContact = runner('create_contact');
const sendSms = runner('send_sms');
const imToStaff = runner('send_im_to_staff');
const imToRoom = runner('send_im_to_room');
const CREATE = `${API_ROOT}/management/create_externalcontact`;
const SMS = `${API_ROOT}/sms`;
const PUSH = `${API_ROOT}/message-push`;
const sms = { number_type: 'access-numbers', sender_number: '+85230001234', recipient_numbers: ['+85294667788'] };

async function refused(run: Promise<unknown>): Promise<string> {
  const error = await failure(() => run);
  expect(error.code).toBe('InvalidInput');
  return error.message;
}

describe('wording', () => {
  it('a US-style Birth Date says to use dd/mm/yyyy', async () => {
    await expect(refused(createContact({ first_name: 'Ann', birth_date: '05/31/1990' }))).resolves.toBe(
      'Nothing was sent to CINNOX. Birth Date "05/31/1990" looks like mm/dd/yyyy (month first): use dd/mm/yyyy (day first), e.g. 31/05/1990.',
    );
  });

  it("CINNOX's parameter error on Send SMS names Sender Number and Recipient Number", async () => {
    nock(BASE_URL)
      .post(SMS)
      .reply(400, { code: 6451000, message: 'Invalid senderNumber: "+85230009999"; recipientNumbers is required' });
    const error = await failure(() => sendSms({ ...sms, text: 'Hi' }));
    expect(error.code).toBe('CinnoxInvalidParameters');
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: Invalid senderNumber: "+85230009999"; recipientNumbers is required) In this step's fields: senderNumber is Sender Number, recipientNumbers is Recipient Number.`,
    );
  });

  it("CINNOX's parameter error on Send IM names Staff ID (receiverEID) and Room ID (roomID)", async () => {
    nock(BASE_URL).post(PUSH).reply(400, { code: 6451000, message: 'invalid receiverEID: "s9"' });
    const staff = await failure(() => imToStaff({ staff_id: 's9', text: 'Hi' }));
    expect(staff.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid receiverEID: "s9") In this step's fields: receiverEID is Staff ID.`,
    );
    nock(BASE_URL).post(PUSH).reply(400, { code: 6451000, message: 'invalid roomID' });
    const room = await failure(() => imToRoom({ room_id: 'r9', text: 'Hi' }));
    expect(room.message).toMatch(/\(CINNOX code 6451000: invalid roomID\) In this step's fields: roomID is Room ID\.$/);
  });

  it('a Sender Number without + is refused as a Recipient Number without + is', async () => {
    await expect(
      refused(sendSms({ ...sms, sender_number: '85230001234', recipient_numbers: ['85294667788'], text: 'Hi' })),
    ).resolves.toBe(
      'Nothing was sent to CINNOX. Sender Number "85230001234" must start with + and the country code, e.g. +85294667788. Recipient Number "85294667788" must start with + and the country code, e.g. +85294667788.',
    );
  });

  it('a Sender Number typed with spaces is sent without them', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Hi' })
      .reply(200, {
        code: 0,
        result: [{ recipientNumber: '+85294667788', transactionID: 'tx-1', status: 'Submitted' }],
      });
    await sendSms({ ...sms, sender_number: '+852 3000-1234', text: 'Hi' });
    scope.done();
  });
});

describe('length limits count what CINNOX stores too', () => {
  it('"B" and 3,000 combining marks is one character but too long for a 50-character field', async () => {
    await expect(refused(createContact({ first_name: `B${'\u0301'.repeat(3000)}` }))).resolves.toMatch(
      /^Nothing was sent to CINNOX\. First Name is too long for CINNOX: 3,001 UTF-16 code units, at most 200 \("B/,
    );
  });

  it('51 characters still says characters', async () => {
    await expect(refused(createContact({ first_name: 'a'.repeat(51) }))).resolves.toBe(
      `Nothing was sent to CINNOX. First Name must be at most 50 characters; got 51 ("${'a'.repeat(51)}").`,
    );
  });

  it('50 emoji with a skin tone (200 UTF-16 units) fit a 50-character field', async () => {
    const name = '👍🏽'.repeat(50);
    const scope = nock(BASE_URL).post(CREATE, { firstName: name }).reply(200, { code: 0, id: 'c1' });
    await createContact({ first_name: name });
    scope.done();
  });

  it('3,000 family emoji are refused by Send IM (5,000 UTF-16 code units at most)', async () => {
    await expect(refused(imToStaff({ staff_id: 's1', text: '👨‍👩‍👧‍👦'.repeat(3000) }))).resolves.toMatch(
      /^Nothing was sent to CINNOX\. Text is too long for CINNOX: 33,000 UTF-16 code units, at most 5,000 \(/,
    );
  });

  it('5,000 plain characters are sent', async () => {
    const text = 'a'.repeat(5000);
    const scope = nock(BASE_URL)
      .post(PUSH, { receiverEID: 's1', messages: [{ type: 'text', text }] })
      .reply(200, { code: 0 });
    await imToStaff({ staff_id: 's1', text });
    scope.done();
  });
});

describe('invisible text and control characters', () => {
  it.each([
    ['zero-width spaces and joiners', '\u200B\u200C\u200D', '\u2060\uFEFF'],
    ['bidi marks and isolates', '\u200E\u200F', '\u2066\u2069\u202A\u202C'],
    ['combining marks alone', '\u0301\u0308', ' \u3164 '],
  ])('a First Name and Last Name of only %s count as empty', async (_what, first, last) => {
    await expect(refused(createContact({ first_name: first, last_name: last }))).resolves.toBe(
      'Nothing was sent to CINNOX. Fill a First Name or a Last Name: CINNOX needs at least one of them to create a contact.',
    );
  });

  it('a control character is refused in any text field, naming the field', async () => {
    await expect(refused(createContact({ first_name: 'Ann', company: 'Acme\u0000Ltd' }))).resolves.toBe(
      'Nothing was sent to CINNOX. Company contains the control character U+0000 (at character 5), which CINNOX cannot store: remove it (tab and newline are allowed).',
    );
    await expect(refused(sendSms({ ...sms, text: 'Hi\u001B[31m' }))).resolves.toBe(
      'Nothing was sent to CINNOX. Text contains the control character U+001B (at character 3), which CINNOX cannot store: remove it (tab and newline are allowed).',
    );
    await expect(refused(imToRoom({ room_id: 'r\u007F1', text: 'Hi' }))).resolves.toMatch(
      /^Nothing was sent to CINNOX\. Room ID contains the control character U\+007F \(at character 2\)/,
    );
  });

  it('tab, newline and CRLF newlines are sent as they are', async () => {
    const text = 'Line 1\r\nLine 2\n\tindented';
    const scope = nock(BASE_URL)
      .post(PUSH, { roomID: 'r1', messages: [{ type: 'text', text }] })
      .reply(200, { code: 0 });
    await imToRoom({ room_id: 'r1', text });
    scope.done();
  });
});

describe('valid input accepted, a phone extension refused', () => {
  it.each(['ann@münchen.de', 'ann@example.xn--p1ai', 'ann@пример.рф', 'jürgen.müller@beispiel.de'])(
    'accepts the e-mail address %s, sent as given',
    async (email) => {
      const scope = nock(BASE_URL)
        .post(CREATE, { firstName: 'Ann', emails: [{ type: 'Work', email }] })
        .reply(200, { code: 0, id: 'c1' });
      await createContact({ first_name: 'Ann', email_address: email });
      scope.done();
    },
  );

  it.each(['ann@münchen', 'ann@-bad-.de', 'ann@exa mple.de', 'ann@@example.com'])('still refuses %s', async (email) => {
    await expect(refused(createContact({ first_name: 'Ann', email_address: email }))).resolves.toBe(
      `Nothing was sent to CINNOX. Email Address "${email}" is not an e-mail address (e.g. ann@example.com).`,
    );
  });

  it.each([
    ['U.S.A.', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.K.', 'GB'],
    ['UK', 'GB'],
    ['UAE', 'AE'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Korea', 'KR'],
    ['Republic of Korea', 'KR'],
    ['South Korea', 'KR'],
    ['Hong Kong SAR', 'HK'],
    ['Hong Kong S.A.R.', 'HK'],
    ['Macau SAR', 'MO'],
    ['Mainland China', 'CN'],
    ["People's Republic of China", 'CN'],
    ['The Bahamas', 'BS'],
    ['England', 'GB'],
  ])('accepts the country %s as %s', async (country, code) => {
    const scope = nock(BASE_URL)
      .post(CREATE, { firstName: 'Ann', addresses: { country: code } })
      .reply(200, { code: 0, id: 'c1' });
    await createContact({ first_name: 'Ann', country });
    scope.done();
  });

  it.each([
    ['+1 415 555 2671 ext. 12', '12', '+14155552671'],
    ['+1 415 555 2671 x12', '12', '+14155552671'],
    ['+14155552671#12', '12', '+14155552671'],
    ['+852 9466 7788 extension 301', '301', '+85294667788'],
  ])('refuses the phone number %s: CINNOX holds no extension', async (phone, ext, number) => {
    await expect(refused(createContact({ first_name: 'Ann', phone_number: phone }))).resolves.toBe(
      `Nothing was sent to CINNOX. Phone Number "${phone}" has an extension (${ext}): CINNOX's phone field holds no extension. Enter the number alone, e.g. ${number}.`,
    );
  });
});
