/**
 * Every action's outcome table: each kind of answer CINNOX can give the action's write (success with the record; a
 * success that did nothing: no recipient sent, no id, no label applied; each error code of docs/cinnox-api.md §0.3
 * that applies; a bare HTTP status without a CINNOX body; a reset or a time-out) and what the Zap builder sees: the
 * exact output, or the error's class, code and message. The step succeeds only when CINNOX says the thing was done.
 * The rows every write meets alike are test/helpers/outcomes.ts's `everyWriteRows`.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { resultWith } from '../helpers/contact-cases';
import { createPerform } from '../helpers/ops';
import {
  everyWriteRows,
  expectSeen,
  expiredToken,
  reply,
  seenOf,
  type Answer,
  type OutcomeRow,
  type Seen,
} from '../helpers/outcomes';

const run = (key: string, inputData: Record<string, unknown>) =>
  seenOf(() => appTester(createPerform(key), bundleWith(inputData)));
const refusedParameters = (reason: string, fields = ''): Seen => ({
  error: 'AppError',
  code: 'CinnoxInvalidParameters',
  message: `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: ${reason})${fields ? ` In this step's fields: ${fields}.` : ''}`,
});
/** HTTP 200 whose `code` is not a success code (A16): the write is not reported as done. */
const notSuccessCode = (code: number, message: string): OutcomeRow => [
  `HTTP 200 with code ${code} (not a success code)`,
  { status: 200, json: { code, message } },
  {
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX answered HTTP 200 but with code ${code} ("${message}"), which is not a success code (0), so this step failed: CINNOX did not confirm the change. Check CINNOX (was the SMS sent, the contact created or updated, the message posted, the Zap subscribed?) before replaying this step.`,
  },
];

describe('Send SMS', () => {
  const SMS = `${API_ROOT}/sms`;
  const input = {
    number_type: 'access-numbers',
    sender_number: '+85230001234',
    recipient_numbers: ['+85294667788', '+14155552671'],
    text: 'Your order has shipped.',
  };
  const result = (recipientNumber: string, status: string, extra: Record<string, string> = {}) => ({
    recipientNumber,
    transactionID: `tx-${recipientNumber.slice(-4)}`,
    status,
    responseCode: status === 'Submitted' ? '' : '400',
    exception: status === 'Submitted' ? '' : 'sms send failed',
    ...extra,
  });
  const recipient = (number: string, status: string) => ({
    recipient_number: number,
    transaction_id: `tx-${number.slice(-4)}`,
    status,
    response_code: status === 'Submitted' ? '' : '400',
    exception: status === 'Submitted' ? '' : 'sms send failed',
  });
  const output = (exception: string, recipients: unknown[]) => ({
    response_code: '0',
    exception,
    encoding: 'GSM-7',
    parts: 1,
    characters: 23,
    sender_number: '+85230001234',
    text: 'Your order has shipped.',
    recipients,
  });
  const CHECK_SMS_REPORT =
    'Check the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?) before replaying this step, so no recipient gets it twice.';
  const ROWS: OutcomeRow[] = [
    [
      'code 0, every recipient Submitted',
      {
        status: 200,
        json: { code: 0, result: [result('+85294667788', 'Submitted'), result('14155552671', 'Submitted')] },
      },
      {
        output: output('', [recipient('+85294667788', 'Submitted'), recipient('+14155552671', 'Submitted')]),
      },
    ],
    [
      'code 0, one recipient Submitted and one Rejected: a partial success, each result in the output',
      {
        status: 200,
        json: { code: 0, result: [result('+85294667788', 'Submitted'), result('+14155552671', 'Rejected')] },
      },
      {
        output: output('+14155552671: sms send failed', [
          recipient('+85294667788', 'Submitted'),
          recipient('+14155552671', 'Rejected'),
        ]),
      },
    ],
    [
      'code 0, every recipient Rejected',
      {
        status: 200,
        json: { code: 0, result: [result('+85294667788', 'Rejected'), result('+14155552671', 'Rejected')] },
      },
      {
        error: 'AppError',
        code: 'CinnoxSmsNotSent',
        message:
          'CINNOX did not send the SMS to any recipient: +85294667788: Rejected (response code 400, sms send failed); +14155552671: Rejected (response code 400, sms send failed). Check the Sender Number, the Recipient Number and the SMS balance of your CINNOX account, then replay this step.',
      },
    ],
    [
      'code 0, one recipient Undelivered and one with an exception and no status',
      {
        status: 200,
        json: {
          code: 0,
          result: [
            result('85294667788', 'Undelivered', { exception: '' }),
            result('14155552671', '', { responseCode: '', exception: 'insufficient balance' }),
          ],
        },
      },
      {
        error: 'AppError',
        code: 'CinnoxSmsNotSent',
        message:
          'CINNOX did not send the SMS to any recipient: +85294667788: Undelivered (response code 400); +14155552671: no status (insufficient balance). Check the Sender Number, the Recipient Number and the SMS balance of your CINNOX account, then replay this step.',
      },
    ],
    [
      'code 0 and an empty result list',
      { status: 200, json: { code: 0, result: [] } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message: `CINNOX did not confirm the SMS was sent to any recipient: +85294667788: no result in CINNOX's answer; +14155552671: no result in CINNOX's answer. ${CHECK_SMS_REPORT}`,
      },
    ],
    [
      'code 0 without results, with CINNOX’s exception',
      { status: 200, json: { code: 0, exception: 'sender blocked' } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message: `CINNOX did not confirm the SMS was sent to any recipient: +85294667788: no result in CINNOX's answer; +14155552671: no result in CINNOX's answer. CINNOX's exception: "sender blocked". ${CHECK_SMS_REPORT}`,
      },
    ],
    [
      'code 0, one recipient Rejected and the other not in the answer',
      { status: 200, json: { code: 0, result: [result('+14155552671', 'Rejected')] } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message: `CINNOX did not confirm the SMS was sent to any recipient: +85294667788: no result in CINNOX's answer; +14155552671: Rejected (response code 400, sms send failed). ${CHECK_SMS_REPORT}`,
      },
    ],
    notSuccessCode(1, 'failed'),
    [
      '6451000 Invalid senderNumber',
      { status: 400, json: { code: 6451000, message: 'Invalid senderNumber' } },
      refusedParameters('Invalid senderNumber', 'senderNumber is Sender Number'),
    ],
    [
      '7210101 bad request (error while sending SMS)',
      { status: 400, json: { code: 7210101, message: 'bad request' } },
      {
        error: 'AppError',
        code: 'Cinnox7210101',
        message: 'CINNOX refused the request (CINNOX code 7210101: bad request).',
      },
    ],
    [
      '7210102 anonymous user invalid',
      { status: 400, json: { code: 7210102, message: 'anonymous user invalid' } },
      {
        error: 'AppError',
        code: 'Cinnox7210102',
        message: 'CINNOX refused the request (CINNOX code 7210102: anonymous user invalid).',
      },
    ],
    [
      '7210103 senderNumber Invalid format',
      { status: 400, json: { code: 7210103, message: 'senderNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210103',
        message:
          "CINNOX refused the request (CINNOX code 7210103: senderNumber Invalid format). In this step's fields: senderNumber is Sender Number.",
      },
    ],
    [
      '7210104 RecipientNumber Invalid format',
      { status: 400, json: { code: 7210104, message: 'RecipientNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210104',
        message:
          "CINNOX refused the request (CINNOX code 7210104: RecipientNumber Invalid format). In this step's fields: recipientNumber is Recipient Number.",
      },
    ],
    [
      'HTTP 400 with a reason and no CINNOX code',
      { status: 400, json: { message: 'text is required' } },
      {
        error: 'AppError',
        code: 'CinnoxError',
        message: "CINNOX refused the request (HTTP 400): text is required. In this step's fields: text is Text.",
      },
    ],
    ...everyWriteRows({
      method: 'POST',
      url: `${BASE_URL}${SMS}`,
      check: 'the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?)',
    }),
  ];

  it.each(ROWS)('%s', async (_answer, answer, seen) => {
    const scope = reply(
      nock(BASE_URL).post(SMS, {
        senderNumber: '+85230001234',
        recipientNumbers: ['+85294667788', '+14155552671'],
        text: 'Your order has shipped.',
      }),
      answer,
    );
    expectSeen(await run('send_sms', input), seen);
    scope.done();
  });
});

describe('Send OTP SMS', () => {
  const OTP = `${API_ROOT}/send_otp`;
  const input = { sender_number: 'CINNOX', recipient_number: '+85294667788', text: 'Your code is %s.', pin: '1234' };
  const sent = { serviceID: 'svc-1', status: true, transactionID: 't-1' };
  const output = {
    serviceID: 'svc-1',
    status: 'true',
    transactionID: 't-1',
    pin: '1234',
    pin_generated: false,
    sender_number: 'CINNOX',
    recipient_number: '+85294667788',
    encoding: 'GSM-7',
    characters: 18,
  };
  const notConfirmed = (said: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX did not confirm the OTP SMS to +85294667788 was sent: its answer has ${said}, not status true, so this step failed. Check in CINNOX whether the SMS went out before replaying this step, so the recipient does not get a second OTP.`,
  });
  const ROWS: OutcomeRow[] = [
    ['code 0, status true', { status: 200, json: { code: 0, ...sent } }, { output }],
    ['code 0, status true under result', { status: 200, json: { code: 0, result: sent } }, { output }],
    [
      'code 0, status false',
      { status: 200, json: { code: 0, ...sent, status: false } },
      {
        error: 'AppError',
        code: 'CinnoxOtpNotSent',
        message:
          'CINNOX did not send the OTP SMS to +85294667788: it answered status false (transaction ID t-1). Check the Sender ID and the Recipient Number, and the SMS balance of your CINNOX account, then replay this step.',
      },
    ],
    [
      'code 0, status Rejected',
      { status: 200, json: { code: 0, ...sent, status: 'Rejected' } },
      notConfirmed('status "Rejected" (transaction ID t-1)'),
    ],
    ['code 0 without a status', { status: 200, json: { code: 0 } }, notConfirmed('no status')],
    notSuccessCode(1, 'failed'),
    [
      '6451000 Invalid senderNumber',
      { status: 400, json: { code: 6451000, message: 'Invalid senderNumber' } },
      refusedParameters('Invalid senderNumber', 'senderNumber is Sender ID'),
    ],
    [
      '7210101 bad request (error while sending SMS)',
      { status: 400, json: { code: 7210101, message: 'bad request' } },
      {
        error: 'AppError',
        code: 'Cinnox7210101',
        message: 'CINNOX refused the request (CINNOX code 7210101: bad request).',
      },
    ],
    [
      '7210103 senderNumber Invalid format',
      { status: 400, json: { code: 7210103, message: 'senderNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210103',
        message:
          "CINNOX refused the request (CINNOX code 7210103: senderNumber Invalid format). In this step's fields: senderNumber is Sender ID.",
      },
    ],
    [
      '7210104 RecipientNumber Invalid format',
      { status: 400, json: { code: 7210104, message: 'RecipientNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210104',
        message:
          "CINNOX refused the request (CINNOX code 7210104: RecipientNumber Invalid format). In this step's fields: recipientNumber is Recipient Number.",
      },
    ],
    ...everyWriteRows({
      method: 'POST',
      url: `${BASE_URL}${OTP}`,
      check: 'the SMS report in the CINNOX Dashboard (was the OTP SMS sent?)',
    }),
  ];

  it.each(ROWS)('%s', async (_answer, answer, seen) => {
    const scope = reply(
      nock(BASE_URL).post(OTP, {
        senderNumber: 'CINNOX',
        recipientNumber: '+85294667788',
        text: 'Your code is %s.',
        pin: '1234',
      }),
      answer,
    );
    expectSeen(await run('send_otp_sms', input), seen);
    scope.done();
  });
});

describe('Send IM to Staff and Send IM to Room', () => {
  const PUSH = `${API_ROOT}/message-push`;
  const pushed = { roomID: 'direct-s-1', messageIDs: ['msg-1'] };
  const roomRequired = (answer: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxRoomRequired',
    message: `CINNOX did not send the message: it needs a Room ID for this account, and Send IM to Staff gives only the staff member's ID (CINNOX's message push marks Room ID as required; the app's assumption A10 that a staff ID alone is enough does not hold here). Use Send IM to Room (Group Chat) with the Room ID of a Space the staff member is in. (CINNOX's answer: ${answer})`,
  });
  const notSent = (said: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxMessageNotSent',
    message: `CINNOX did not send the message (code ${said}). Check this step's fields, then replay it.`,
  });
  const everyPushRows = everyWriteRows({
    method: 'POST',
    url: `${BASE_URL}${PUSH}`,
    check: 'the conversation in CINNOX (was the message posted?)',
  });

  const TO_STAFF: OutcomeRow[] = [
    [
      'code 0 with a result',
      { status: 200, json: { code: 0, result: pushed } },
      { output: { staff_id: 's-1', text: 'Hello', code: 0, result: pushed } },
    ],
    // A16: an answer without a code is a success.
    ['HTTP 200 without a code', { status: 200, json: {} }, { output: { staff_id: 's-1', text: 'Hello', code: 0 } }],
    [
      'HTTP 200 with code 1 and a reason',
      { status: 200, json: { code: 1, message: 'receiver offline' } },
      notSent('1: receiver offline'),
    ],
    [
      'HTTP 200 with a code whose reason names roomID',
      { status: 200, json: { code: 5, message: 'missing roomID' } },
      roomRequired('{"code":5,"message":"missing roomID"}'),
    ],
    [
      '6451000 roomID is required',
      { status: 400, json: { code: 6451000, message: 'roomID is required' } },
      roomRequired(
        "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: roomID is required)",
      ),
    ],
    // Only a reason that says a room is required is A10 failing: any other 6451000 is CINNOX's own refusal.
    [
      '6451000 Bad query',
      { status: 400, json: { code: 6451000, message: 'Bad query' } },
      refusedParameters('Bad query'),
    ],
    [
      '6451000 invalid receiverEID',
      { status: 400, json: { code: 6451000, message: 'invalid receiverEID' } },
      refusedParameters('invalid receiverEID', 'receiverEID is Staff ID'),
    ],
    [
      '6451000 roomID or receiverEID is required',
      { status: 400, json: { code: 6451000, message: 'roomID or receiverEID is required' } },
      refusedParameters('roomID or receiverEID is required', 'receiverEID is Staff ID'),
    ],
    ...everyPushRows,
  ];

  it.each(TO_STAFF)('Send IM to Staff: %s', async (_answer, answer, seen) => {
    const scope = reply(
      nock(BASE_URL).post(PUSH, { receiverEID: 's-1', messages: [{ type: 'text', text: 'Hello' }] }),
      answer,
    );
    expectSeen(await run('send_im_to_staff', { staff_id: 's-1', text: 'Hello' }), seen);
    scope.done();
  });

  const TO_ROOM: OutcomeRow[] = [
    [
      'code 0 with a result',
      { status: 200, json: { code: 0, result: { roomID: 'room-9', messageIDs: ['msg-2'] } } },
      { output: { room_id: 'room-9', text: 'Hello', code: 0, result: { roomID: 'room-9', messageIDs: ['msg-2'] } } },
    ],
    [
      'HTTP 200 with code 2 and a reason naming roomID',
      { status: 200, json: { code: 2, message: 'roomID not found', result: { roomID: 'room-9' } } },
      notSent('2: roomID not found: {"roomID":"room-9"}'),
    ],
    [
      '6451000 invalid roomID',
      { status: 400, json: { code: 6451000, message: 'invalid roomID' } },
      refusedParameters('invalid roomID', 'roomID is Room ID'),
    ],
    [
      '6451000 messages exceed 5000 characters',
      { status: 400, json: { code: 6451000, message: 'messages exceed 5000 characters' } },
      refusedParameters('messages exceed 5000 characters', 'messages is Text'),
    ],
    ...everyPushRows,
  ];

  it.each(TO_ROOM)('Send IM to Room: %s', async (_answer, answer, seen) => {
    const scope = reply(
      nock(BASE_URL).post(PUSH, { roomID: 'room-9', messages: [{ type: 'text', text: 'Hello' }] }),
      answer,
    );
    expectSeen(await run('send_im_to_room', { room_id: 'room-9', text: 'Hello' }), seen);
    scope.done();
  });
});

describe('Create External Contact, Update External Contact, Create or Update External Contact', () => {
  const CREATE = `${API_ROOT}/management/create_externalcontact`;
  const UPDATE = `${API_ROOT}/management/update_externalcontact/c-1`;
  const LIST = `${API_ROOT}/contacts/extcontact-list`;
  const created = (id: string) => ({ output: resultWith({ id, first_name: 'Ann', last_name: 'Lee' }) });
  const noId = (said: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX answered without the contact's id (its answer: ${said}), so this step cannot say which contact it created. Check the contact list in CINNOX (was the contact created?) before replaying this step, so the contact is not created twice.`,
  });
  const contactNotFound = (answered: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxContactNotFound',
    message: `CINNOX has no external contact with the External Contact ID "c-1". Check External Contact ID: map the ID from a Find External Contact step (by full name) before this one. CINNOX answered: ${answered}`,
  });

  /** What a create can be answered (Create External Contact, and Create or Update when no contact has the name). */
  const CREATE_ROWS: OutcomeRow[] = [
    ['code 0 with the id', { status: 200, json: { code: 0, id: 'c-9' } }, created('c-9')],
    // A31: the id under `result`.
    ['code 0 with the id under result', { status: 200, json: { code: 0, result: { id: 'c-9' } } }, created('c-9')],
    ['code 0 with result the id itself', { status: 200, json: { code: 0, result: 'c-9' } }, created('c-9')],
    ['code 0 with the id as a number', { status: 200, json: { code: 0, id: 12345 } }, created('12345')],
    ['code 0 without an id', { status: 200, json: { code: 0 } }, noId('{"code":0}')],
    [
      'code 0 with a blank id',
      { status: 200, json: { code: 0, id: ' ', result: {} } },
      noId('{"code":0,"id":" ","result":{}}'),
    ],
    ['HTTP 200 with no body', { status: 200, html: '' }, noId('{}')],
    notSuccessCode(1, 'failed'),
    [
      '6451000 firstName or lastName is required',
      { status: 400, json: { code: 6451000, message: 'firstName or lastName is required' } },
      refusedParameters('firstName or lastName is required', 'firstName is First Name, lastName is Last Name'),
    ],
    [
      'HTTP 400 with a reason and no CINNOX code',
      { status: 400, json: { message: 'jobTitle too long' } },
      {
        error: 'AppError',
        code: 'CinnoxError',
        message:
          "CINNOX refused the request (HTTP 400): jobTitle too long. In this step's fields: jobTitle is Job Title.",
      },
    ],
    ...everyWriteRows({
      method: 'POST',
      url: `${BASE_URL}${CREATE}`,
      check: 'the contact list in CINNOX (was the contact created?)',
    }),
  ];

  it.each(CREATE_ROWS)('Create External Contact: %s', async (_answer, answer, seen) => {
    const scope = reply(nock(BASE_URL).post(CREATE, { firstName: 'Ann', lastName: 'Lee' }), answer);
    expectSeen(await run('create_contact', { first_name: 'Ann', last_name: 'Lee' }), seen);
    scope.done();
  });

  const updated = (id: string) => ({ output: { contact_id: 'c-1', ...resultWith({ id, job_title: 'CTO' }) } });
  const UPDATE_ROWS: OutcomeRow[] = [
    ['code 0 with the id', { status: 200, json: { code: 0, id: 'c-1' } }, updated('c-1')],
    ['code 0 with the id under result', { status: 200, json: { code: 0, result: { id: 'c-1' } } }, updated('c-1')],
    // The contact is the one asked for: an answer without its id still says the update was done.
    ['code 0 without an id', { status: 200, json: { code: 0 } }, updated('c-1')],
    notSuccessCode(1, 'failed'),
    [
      '6451011 No records found',
      { status: 400, json: { code: 6451011, message: 'No records found' } },
      contactNotFound('CINNOX found no matching record (CINNOX code 6451011: No records found).'),
    ],
    [
      '6451000 invalid jobTitle',
      { status: 400, json: { code: 6451000, message: 'invalid jobTitle' } },
      refusedParameters('invalid jobTitle', 'jobTitle is Job Title'),
    ],
    ...everyWriteRows({
      method: 'PUT',
      url: `${BASE_URL}${UPDATE}`,
      check: 'the contact in CINNOX (was it updated?)',
      notFound: contactNotFound(
        `CINNOX answered HTTP 404 for PUT ${UPDATE}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("<html><body><h1>404 Not Found</h1></body></html>")`,
      ),
    }),
  ];

  it.each(UPDATE_ROWS)('Update External Contact: %s', async (_answer, answer, seen) => {
    const scope = reply(nock(BASE_URL).put(UPDATE, { jobTitle: 'CTO' }), answer);
    expectSeen(await run('update_contact', { contact_id: 'c-1', job_title: 'CTO' }), seen);
    scope.done();
  });

  /** Create or Update by name: the search's answer, then the write it leads to (none when it fails first). */
  type Steps = { list: Answer; write?: ['post' | 'put', string, Answer] };
  const asCreated = (seen: Seen): Seen =>
    'output' in seen
      ? { output: { action: 'created', ...seen.output, contact_id: null, job_title: 'CTO', jobTitle: 'CTO' } }
      : seen;
  const NOBODY: Answer = { status: 400, json: { code: 6451011, message: 'No records found' } };
  const ONE: Answer = { status: 200, json: { code: 0, result: [{ id: 'c-1', firstName: 'Ann', lastName: 'Lee' }] } };
  const BY_NAME: [string, Steps, Seen][] = [
    // Every answer a create can give, after a search that found nobody (the name search reads every page first).
    ...CREATE_ROWS.map(([what, answer, seen]): [string, Steps, Seen] => [
      `nobody has the name; the create: ${what}`,
      { list: NOBODY, write: ['post', CREATE, answer] },
      asCreated(seen),
    ]),
    [
      'one contact has the name; the update: code 0 with the id',
      { list: ONE, write: ['put', UPDATE, { status: 200, json: { code: 0, id: 'c-1' } }] },
      {
        output: {
          action: 'updated',
          ...updated('c-1').output,
          ...resultWith({ id: 'c-1', first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' }),
        },
      },
    ],
    [
      'two contacts have the name: nothing is written',
      {
        list: {
          status: 200,
          json: {
            code: 0,
            result: [
              { id: 'c-1', firstName: 'Ann', lastName: 'Lee' },
              { id: 'c-2', firstName: 'ann', lastName: 'lee' },
            ],
          },
        },
      },
      {
        error: 'AppError',
        code: 'CinnoxContactAmbiguous',
        message:
          '2 external contacts are named "Ann Lee" (IDs c-1, c-2), so nothing was changed: fill External Contact ID with the one to update.',
      },
    ],
    [
      'the search is refused (6452000): nothing is written',
      { list: { status: 400, json: { code: 6452000, message: 'Invalid token' } } },
      expiredToken('CINNOX code 6452000: Invalid token'),
    ],
    [
      'the search meets HTTP 500 (a read, retried by Zapier): nothing is written',
      { list: { status: 500, html: 'Internal Server Error' } },
      {
        error: 'ThrottledError',
        message:
          /^CINNOX had a problem answering this request \(HTTP 500: "Internal Server Error"\)\. Zapier will retry in 3\d seconds; if it keeps failing, check CINNOX's status\.$/,
        delay: [30, 36],
      },
    ],
  ];

  it.each(BY_NAME)('Create or Update External Contact by name: %s', async (_answer, steps, seen) => {
    const scope = reply(
      nock(BASE_URL)
        .get(LIST)
        .query((q) => q.fullName === 'Ann Lee'),
      steps.list,
    );
    if (steps.write) {
      const [method, path, answer] = steps.write;
      reply(nock(BASE_URL)[method](path, { firstName: 'Ann', lastName: 'Lee', jobTitle: 'CTO' }), answer);
    }
    expectSeen(await run('create_or_update_contact', { first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' }), seen);
    scope.done();
  });
});

describe('Add Labels to Enquiry, Remove Labels from Enquiry', () => {
  const LABELS = `${API_ROOT}/inquiries/e-1/labels`;
  const input = { enquiry_id: 'e-1', label_ids: ['L1', 'L2'] };
  const AT = '2026-11-22T08:30:00Z';
  const output = (enquiryLabelIds: string[]) => ({
    output: {
      enquiry_id: 'e-1',
      label_ids: ['L1', 'L2'],
      enquiry_label_ids: enquiryLabelIds,
      updated_at: '2026-11-22T08:30:00.000Z',
    },
  });
  const enquiryNotFound = (answered: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxEnquiryNotFound',
    message: `CINNOX has no enquiry with the Enquiry Record ID "e-1", so no label was changed. Check Enquiry Record ID: Map Enquiry Record ID from an enquiry trigger or Find Enquiry. CINNOX answered: ${answered}`,
  });
  const NOT_FOUND_6451011 = enquiryNotFound('CINNOX found no matching record (CINNOX code 6451011: No records found).');
  const notFound404 = (method: string) =>
    enquiryNotFound(
      `CINNOX answered HTTP 404 for ${method} ${LABELS}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("<html><body><h1>404 Not Found</h1></body></html>")`,
    );
  const notAdded = (ids: string, listed: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxLabelNotAdded',
    message: `CINNOX did not confirm that the label${ids.includes(',') ? 's' : ''} ${ids} added to enquiry e-1: ${ids.includes(',') ? 'they are' : 'it is'} not among the labels it answers as applied (${listed}). Check the Enquiry Record ID and the labels in CINNOX before replaying this step.`,
  });
  const sharedRows = (method: 'POST' | 'DELETE'): OutcomeRow[] => [
    notSuccessCode(1, 'failed'),
    [
      '6451000 invalid enquiryID',
      { status: 400, json: { code: 6451000, message: 'invalid enquiryID' } },
      refusedParameters('invalid enquiryID', 'enquiryID is Enquiry Record ID'),
    ],
    [
      '6451000 invalid labelIds',
      { status: 400, json: { code: 6451000, message: 'invalid labelIds' } },
      refusedParameters('invalid labelIds', 'labelIds is Labels'),
    ],
    [
      '6451011 No records found',
      { status: 400, json: { code: 6451011, message: 'No records found' } },
      NOT_FOUND_6451011,
    ],
    ...everyWriteRows({
      method,
      url: `${BASE_URL}${LABELS}`,
      check: "the enquiry's labels in CINNOX",
      notFound: notFound404(method),
    }),
  ];

  const ADD: OutcomeRow[] = [
    [
      'code 0, every label applied',
      { status: 200, json: { code: 0, notExistLabelIds: null, labelIds: ['L0', 'L1', 'L2'], updatedAt: AT } },
      output(['L0', 'L1', 'L2']),
    ],
    [
      'code 0, every label applied, under result',
      { status: 200, json: { code: 0, result: { notExistLabelIds: null, labelIds: ['L1', 'L2'], updatedAt: AT } } },
      output(['L1', 'L2']),
    ],
    [
      'code 0, labelIds null (none applied)',
      { status: 200, json: { code: 0, notExistLabelIds: null, labelIds: null, updatedAt: AT } },
      notAdded('L1, L2 were', 'none'),
    ],
    ['code 0 and nothing else', { status: 200, json: { code: 0 } }, notAdded('L1, L2 were', 'none')],
    [
      'code 0, one of the two applied',
      { status: 200, json: { code: 0, notExistLabelIds: null, labelIds: ['L1'], updatedAt: AT } },
      notAdded('L2 was', 'L1'),
    ],
    [
      'code 0, one label does not exist',
      { status: 200, json: { code: 0, notExistLabelIds: ['L2'], labelIds: ['L1'], updatedAt: AT } },
      {
        error: 'AppError',
        code: 'CinnoxLabelNotFound',
        message:
          'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not added to enquiry e-1; L1 was added. Pick the Labels from the drop-down, or map IDs from Find Label.',
      },
    ],
    ...sharedRows('POST'),
  ];

  it.each(ADD)('Add Labels to Enquiry: %s', async (_answer, answer, seen) => {
    const scope = reply(nock(BASE_URL).post(LABELS, { labelIds: ['L1', 'L2'] }), answer);
    expectSeen(await run('add_enquiry_labels', input), seen);
    scope.done();
  });

  const REMOVE: OutcomeRow[] = [
    [
      'code 0, another label remains',
      { status: 200, json: { code: 0, notExistLabelIds: null, labelIds: ['L0'], updatedAt: AT } },
      output(['L0']),
    ],
    // A27: labelIds null is none remaining; an answer without it says none remain too.
    [
      'code 0, labelIds null (none remain)',
      { status: 200, json: { code: 0, notExistLabelIds: null, labelIds: null, updatedAt: AT } },
      output([]),
    ],
    [
      'code 0 and nothing else',
      { status: 200, json: { code: 0 } },
      { output: { enquiry_id: 'e-1', label_ids: ['L1', 'L2'], enquiry_label_ids: [], updated_at: null } },
    ],
    [
      'code 0, a removed label still remains',
      { status: 200, json: { code: 0, notExistLabelIds: null, labelIds: ['L0', 'L2'], updatedAt: AT } },
      {
        error: 'AppError',
        code: 'CinnoxLabelNotRemoved',
        message:
          'CINNOX did not remove the label L2 from enquiry e-1: it is still among the labels it reports on the enquiry (L0, L2). Check the Enquiry Record ID and the labels in CINNOX, then replay this step.',
      },
    ],
    [
      'code 0, one label does not exist',
      { status: 200, json: { code: 0, notExistLabelIds: ['L2'], labelIds: null, updatedAt: AT } },
      {
        error: 'AppError',
        code: 'CinnoxLabelNotFound',
        message:
          'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not removed from enquiry e-1; L1 was removed. Pick the Labels from the drop-down, or map IDs from Find Label.',
      },
    ],
    ...sharedRows('DELETE'),
  ];

  it.each(REMOVE)('Remove Labels from Enquiry: %s', async (_answer, answer, seen) => {
    const scope = reply(nock(BASE_URL).delete(LABELS, { labelIds: ['L1', 'L2'] }), answer);
    expectSeen(await run('remove_enquiry_labels', input), seen);
    scope.done();
  });
});
