import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  createOutcomes,
  refusedParameters,
  unconfirmedWrite,
  type OutcomeRow,
  type Seen,
  type Write,
} from '../helpers/outcomes';

const PUSH = `${API_ROOT}/message-push`;
type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const staff = App.creates!.send_im_to_staff!;
const room = App.creates!.send_im_to_room!;
const toStaff = (inputData: Record<string, unknown>) =>
  appTester(staff.operation.perform as Perform, bundleWith(inputData));
const toRoom = (inputData: Record<string, unknown>) =>
  appTester(room.operation.perform as Perform, bundleWith(inputData));

describe('send_im_to_staff', () => {
  it('declares Staff ID as a drop-down of the staff list and Text with the 5000-character limit', () => {
    const fields = staff.operation.inputFields as {
      key: string;
      label: string;
      required: boolean;
      dynamic?: string;
      helpText: string;
    }[];
    expect(fields.map((f) => [f.key, f.label, f.required, f.dynamic])).toEqual([
      ['staff_id', 'Staff ID', true, 'staff_list.id.name'],
      ['text', 'Text', true, undefined],
    ]);
    expect(fields[1]!.helpText).toContain('At most 5000 characters (most emoji count 2 or more).');
  });

  it('pushes the text to the staff member by receiverEID and returns staff_id, text and CINNOX code/result', async () => {
    const scope = nock(BASE_URL)
      .post(PUSH, { receiverEID: 'staff-1', messages: [{ type: 'text', text: 'Deal won 🎉' }] })
      .reply(200, { code: 0, result: { messageID: 'm-1' } });
    const result = await toStaff({ staff_id: ' staff-1 ', text: ' Deal won 🎉\n' });
    scope.done();
    expect(result).toEqual({ staff_id: 'staff-1', text: 'Deal won 🎉', code: 0, result: { messageID: 'm-1' } });
  });

  it('refuses empty, whitespace-only and missing text and a missing staff ID; nothing is sent', async () => {
    for (const text of ['', '   \n\t ', undefined]) {
      const error = await failure(() => toStaff({ staff_id: 'staff-1', text }));
      expect([error.code, error.message]).toEqual(['InvalidInput', 'Nothing was sent to CINNOX. Text is required.']);
    }
    const error = await failure(() => toStaff({ staff_id: '', text: 'Hi' }));
    expect(error.message).toBe('Nothing was sent to CINNOX. Staff ID is required.');
  });

  it('sends exactly 5000 characters and refuses 5001; nothing is sent', async () => {
    const scope = nock(BASE_URL)
      .post(PUSH, { receiverEID: 'staff-1', messages: [{ type: 'text', text: 'é'.repeat(5000) }] })
      .reply(200, { code: 0 });
    expect(await toStaff({ staff_id: 'staff-1', text: 'é'.repeat(5000) })).toEqual({
      staff_id: 'staff-1',
      text: 'é'.repeat(5000),
      code: 0,
    });
    scope.done();
    const error = await failure(() => toStaff({ staff_id: 'staff-1', text: 'x'.repeat(5001) }));
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. Text must be at most 5000 characters; got 5001 ("${'x'.repeat(200)}…" (length 5,001)).`,
    );
  });

  it('fails when CINNOX answers a non-zero code', async () => {
    nock(BASE_URL)
      .post(PUSH)
      .reply(200, { code: 1, result: { reason: 'receiver not in room' } });
    const error = await failure(() => toStaff({ staff_id: 'staff-1', text: 'Hi' }));
    expect([error.code, error.message]).toEqual([
      'CinnoxMessageNotSent',
      'CINNOX did not send the message (code 1: {"reason":"receiver not in room"}). Check this step\'s fields, then replay it.',
    ]);
  });
});

describe('send_im_to_room', () => {
  it('declares Room ID with help on where to find it, and Text', () => {
    const fields = room.operation.inputFields as { key: string; label: string; required: boolean; helpText: string }[];
    expect(fields.map((f) => [f.key, f.label, f.required])).toEqual([
      ['room_id', 'Room ID', true],
      ['text', 'Text', true],
    ]);
    expect(fields[0]!.helpText).toMatch(/Space \(group chat\).*Space Detailed Guide/);
  });

  it('pushes the text to the room by roomID and returns room_id, text and CINNOX code', async () => {
    const scope = nock(BASE_URL)
      .post(PUSH, { roomID: 'room-9', messages: [{ type: 'text', text: 'Build failed on main' }] })
      .reply(200, { code: 0 });
    const result = await toRoom({ room_id: 'room-9', text: 'Build failed on main' });
    scope.done();
    expect(result).toEqual({ room_id: 'room-9', text: 'Build failed on main', code: 0 });
  });

  it('refuses whitespace-only text and a missing room; nothing is sent', async () => {
    const error = await failure(() => toRoom({ room_id: ' ', text: ' ' }));
    expect(error.message).toBe('Nothing was sent to CINNOX. Room ID is required. Text is required.');
  });

  it('passes CINNOX errors on (bad parameters)', async () => {
    nock(BASE_URL).post(PUSH).reply(400, { code: 6451000, message: 'Bad query' });
    const error = await failure(() => toRoom({ room_id: 'room-9', text: 'Hi' }));
    expect(error.code).toBe('CinnoxInvalidParameters');
    expect(error.message).toContain('Bad query');
  });
});

describe('send_im_to_staff and send_im_to_room outcomes: each answer CINNOX can give the message push', () => {
  const PUSH: Write = { method: 'POST', path: '/message-push' };
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
  const noCode = (answer: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX answered the message push without a code (0 means posted), so the app cannot tell whether the message was posted: "${answer}". Check the conversation in CINNOX before replaying this step, so the message is not posted twice.`,
  });
  const noAnswer: OutcomeRow = [
    'no answer: the connection reset after CINNOX read the request',
    { socket: 'reset' },
    unconfirmedWrite(PUSH, 'reset', 'the conversation in CINNOX (was the message posted?)'),
  ];

  const TO_STAFF: OutcomeRow[] = [
    [
      'code 0 with a result',
      { status: 200, body: { code: 0, result: pushed } },
      { output: { staff_id: 's-1', text: 'Hello', code: 0, result: pushed } },
    ],
    // §1.3's code is the only sign the message was posted: without one the step fails, and says to check first.
    ['HTTP 200 without a code', { status: 200, body: {} }, noCode('{}')],
    [
      'HTTP 200 with a result but no code',
      { status: 200, body: { result: pushed } },
      noCode('{"result":{"roomID":"direct-s-1","messageIDs":["msg-1"]}}'),
    ],
    ['HTTP 200 with code ""', { status: 200, body: { code: '' } }, noCode('{"code":""}')],
    [
      'HTTP 200 with code "0"',
      { status: 200, body: { code: '0' } },
      { output: { staff_id: 's-1', text: 'Hello', code: 0 } },
    ],
    ['HTTP 200 with code true', { status: 200, body: { code: true } }, notSent('true')],
    [
      'HTTP 200 with code 1 and a reason',
      { status: 200, body: { code: 1, message: 'receiver offline' } },
      notSent('1: receiver offline'),
    ],
    [
      'HTTP 200 with a code whose reason names roomID',
      { status: 200, body: { code: 5, message: 'missing roomID' } },
      roomRequired('{"code":5,"message":"missing roomID"}'),
    ],
    [
      '6451000 roomID is required',
      { status: 400, body: { code: 6451000, message: 'roomID is required' } },
      roomRequired(
        "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: roomID is required)",
      ),
    ],
    // Only a reason that says a room is required is A10 failing: any other 6451000 is CINNOX's own refusal.
    [
      '6451000 Bad query',
      { status: 400, body: { code: 6451000, message: 'Bad query' } },
      refusedParameters('Bad query'),
    ],
    [
      '6451000 invalid receiverEID',
      { status: 400, body: { code: 6451000, message: 'invalid receiverEID' } },
      refusedParameters('invalid receiverEID', 'receiverEID is Staff ID'),
    ],
    [
      '6451000 roomID or receiverEID is required',
      { status: 400, body: { code: 6451000, message: 'roomID or receiverEID is required' } },
      refusedParameters('roomID or receiverEID is required', 'receiverEID is Staff ID'),
    ],
    noAnswer,
  ];

  describe('send_im_to_staff', () => {
    createOutcomes(
      'send_im_to_staff',
      { staff_id: 's-1', text: 'Hello' },
      { ...PUSH, body: { receiverEID: 's-1', messages: [{ type: 'text', text: 'Hello' }] } },
      TO_STAFF,
    );
  });

  const TO_ROOM: OutcomeRow[] = [
    [
      'code 0 with a result',
      { status: 200, body: { code: 0, result: { roomID: 'room-9', messageIDs: ['msg-2'] } } },
      { output: { room_id: 'room-9', text: 'Hello', code: 0, result: { roomID: 'room-9', messageIDs: ['msg-2'] } } },
    ],
    [
      'HTTP 200 with code 2 and a reason naming roomID',
      { status: 200, body: { code: 2, message: 'roomID not found', result: { roomID: 'room-9' } } },
      notSent('2: roomID not found: {"roomID":"room-9"}'),
    ],
    [
      '6451000 invalid roomID',
      { status: 400, body: { code: 6451000, message: 'invalid roomID' } },
      refusedParameters('invalid roomID', 'roomID is Room ID'),
    ],
    [
      '6451000 messages exceed 5000 characters',
      { status: 400, body: { code: 6451000, message: 'messages exceed 5000 characters' } },
      refusedParameters('messages exceed 5000 characters', 'messages is Text'),
    ],
    noAnswer,
  ];

  describe('send_im_to_room', () => {
    createOutcomes(
      'send_im_to_room',
      { room_id: 'room-9', text: 'Hello' },
      { ...PUSH, body: { roomID: 'room-9', messages: [{ type: 'text', text: 'Hello' }] } },
      TO_ROOM,
    );
  });
});
