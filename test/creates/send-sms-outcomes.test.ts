/**
 * Send SMS's outcome table: each answer CINNOX can give its SMS request (every recipient sent, some, none, no
 * result, each code of §1.5) and what the Zap builder sees: the exact output, or the error's class, code and
 * message. The step succeeds only when CINNOX says the SMS went to a recipient. The answers every write meets
 * alike are test/creates/every-write.test.ts's.
 */
import {
  createOutcomes,
  notSuccessCode,
  refusedParameters,
  unconfirmedWrite,
  type OutcomeRow,
  type Write,
} from '../helpers/outcomes';

describe('send_sms outcomes: each answer CINNOX can give the SMS request', () => {
  const SMS: Write = { method: 'POST', path: '/sms' };
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
        body: { code: 0, result: [result('+85294667788', 'Submitted'), result('14155552671', 'Submitted')] },
      },
      {
        output: output('', [recipient('+85294667788', 'Submitted'), recipient('+14155552671', 'Submitted')]),
      },
    ],
    [
      'code 0, one recipient Submitted and one Rejected: a partial success, each result in the output',
      {
        status: 200,
        body: { code: 0, result: [result('+85294667788', 'Submitted'), result('+14155552671', 'Rejected')] },
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
        body: { code: 0, result: [result('+85294667788', 'Rejected'), result('+14155552671', 'Rejected')] },
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
        body: {
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
      { status: 200, body: { code: 0, result: [] } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message: `CINNOX did not confirm the SMS was sent to any recipient: +85294667788: no result in CINNOX's answer; +14155552671: no result in CINNOX's answer. ${CHECK_SMS_REPORT}`,
      },
    ],
    [
      'code 0 without results, with CINNOX’s exception',
      { status: 200, body: { code: 0, exception: 'sender blocked' } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message: `CINNOX did not confirm the SMS was sent to any recipient: +85294667788: no result in CINNOX's answer; +14155552671: no result in CINNOX's answer. CINNOX's exception: "sender blocked". ${CHECK_SMS_REPORT}`,
      },
    ],
    [
      'code 0, one recipient Rejected and the other not in the answer',
      { status: 200, body: { code: 0, result: [result('+14155552671', 'Rejected')] } },
      {
        error: 'AppError',
        code: 'CinnoxNotConfirmed',
        message: `CINNOX did not confirm the SMS was sent to any recipient: +85294667788: no result in CINNOX's answer; +14155552671: Rejected (response code 400, sms send failed). ${CHECK_SMS_REPORT}`,
      },
    ],
    notSuccessCode(1, 'failed'),
    [
      '6451000 Invalid senderNumber',
      { status: 400, body: { code: 6451000, message: 'Invalid senderNumber' } },
      refusedParameters('Invalid senderNumber', 'senderNumber is Sender Number'),
    ],
    [
      '7210101 bad request (error while sending SMS)',
      { status: 400, body: { code: 7210101, message: 'bad request' } },
      {
        error: 'AppError',
        code: 'Cinnox7210101',
        message:
          "CINNOX reported an error while sending the SMS (CINNOX code 7210101: bad request). Check this step's fields and your CINNOX account's SMS balance, and check CINNOX's SMS records before replaying this step, in case some of it went out.",
      },
    ],
    [
      '7210102 anonymous user invalid',
      { status: 400, body: { code: 7210102, message: 'anonymous user invalid' } },
      {
        error: 'AppError',
        code: 'Cinnox7210102',
        message:
          "CINNOX refused the request (CINNOX code 7210102: anonymous user invalid). Check this step's fields; if they are right, ask CINNOX support what code 7210102 means for your account.",
      },
    ],
    [
      '7210103 senderNumber Invalid format',
      { status: 400, body: { code: 7210103, message: 'senderNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210103',
        message:
          "CINNOX refused the request (CINNOX code 7210103: senderNumber Invalid format). In this step's fields: senderNumber is Sender Number.",
      },
    ],
    [
      '7210104 RecipientNumber Invalid format',
      { status: 400, body: { code: 7210104, message: 'RecipientNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210104',
        message:
          "CINNOX refused the request (CINNOX code 7210104: RecipientNumber Invalid format). In this step's fields: recipientNumber is Recipient Number.",
      },
    ],
    [
      'HTTP 400 with a reason and no CINNOX code',
      { status: 400, body: { message: 'text is required' } },
      {
        error: 'AppError',
        code: 'CinnoxError',
        message: "CINNOX refused the request (HTTP 400): text is required. In this step's fields: text is Text.",
      },
    ],
    [
      'no answer: the connection reset after CINNOX read the request',
      { socket: 'reset' },
      unconfirmedWrite(SMS, 'reset', 'the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?)'),
    ],
  ];

  createOutcomes(
    'send_sms',
    input,
    {
      ...SMS,
      body: {
        senderNumber: '+85230001234',
        recipientNumbers: ['+85294667788', '+14155552671'],
        text: 'Your order has shipped.',
      },
    },
    ROWS,
  );
});
