import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';

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
