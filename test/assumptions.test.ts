/**
 * At the edges of an unconfirmed CINNOX, the contract re-read against the public reference: A10 (a room required), staff events on the
 * contact subscription, the label colour in Test Trigger records. (A14: test/hooks/subscribe-and-payloads.test.ts; A19:
 * test/triggers/hook-items.test.ts and test/sandbox/api.test.ts.)
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith, failure } from './helpers/app';
import { hookTrigger } from './helpers/hooks';
import * as ev from './fixtures/hook-events';
import { createPerform } from './helpers/ops';

describe('A10: CINNOX answering that a room is required', () => {
  const sendToStaff = () =>
    appTester(createPerform('send_im_to_staff'), bundleWith({ staff_id: 's-1', text: 'Hello' }));
  const ROOM =
    "CINNOX did not send the message: it needs a Room ID for this account, and Send IM to Staff gives only the staff member's ID";

  it.each([
    ['6451000 roomID is required', 400, { code: 6451000, message: 'roomID is required' }],
    ['a code naming roomID in a 200', 200, { code: 5, message: 'missing roomID' }],
    ['a code whose result names roomID in a 200', 200, { code: 5, result: { error: 'roomID required' } }],
  ])('%s: says to use Send IM to Room', async (_what, status, body) => {
    const scope = nock(BASE_URL)
      .post(
        `${API_ROOT}/message-push`,
        (b: { receiverEID?: string; roomID?: string }) => b.receiverEID === 's-1' && b.roomID === undefined,
      )
      .reply(status, body);
    const error = await failure(() => sendToStaff());
    scope.done();
    expect(error).toMatchObject({ code: 'CinnoxRoomRequired' });
    expect(error.message).toContain(ROOM);
    expect(error.message).toContain(
      'Use Send IM to Room (Group Chat) with the Room ID of a Space the staff member is in.',
    );
  });

  it.each([
    ['6451000 Bad query', 400, { code: 6451000, message: 'Bad query' }, 'CinnoxInvalidParameters'],
    ['6451000 invalid receiverEID', 400, { code: 6451000, message: 'invalid receiverEID' }, 'CinnoxInvalidParameters'],
    [
      'a code in a 200 whose reason does not name roomID',
      200,
      { code: 5, message: 'receiver busy' },
      'CinnoxMessageNotSent',
    ],
  ])(
    '%s: CINNOX’s own refusal with its code and reason, not "a room is required"',
    async (_what, status, body, code) => {
      const scope = nock(BASE_URL).post(`${API_ROOT}/message-push`).reply(status, body);
      const error = await failure(() => sendToStaff());
      scope.done();
      expect(error.code).toBe(code);
      expect(error.message).toContain(body.message);
      expect(error.message).not.toContain(ROOM);
    },
  );

  it('Send IM to Room is not told to use itself', async () => {
    const scope = nock(BASE_URL)
      .post(`${API_ROOT}/message-push`)
      .reply(400, { code: 6451000, message: 'roomID invalid' });
    const error = await failure(() =>
      appTester(createPerform('send_im_to_room'), bundleWith({ room_id: 'r-1', text: 'Hello' })),
    );
    scope.done();
    expect(error.code).toBe('CinnoxInvalidParameters');
  });

  it('IM to Staff is still sent with receiverEID and no roomID (A10 kept)', async () => {
    const scope = nock(BASE_URL)
      .post(`${API_ROOT}/message-push`, { receiverEID: 's-1', messages: [{ type: 'text', text: 'Hello' }] })
      .reply(200, { code: 0 });
    await expect(sendToStaff()).resolves.toMatchObject({ staff_id: 's-1', code: 0 });
    scope.done();
  });
});

describe('staff events on contact-event-sub fire no contact trigger', () => {
  const contactTriggers = [
    'contact_created',
    'contact_edited',
    'contact_merged',
    'contact_ownership_transferred',
    'contact_deleted',
  ];
  const perform = (key: string, body: unknown) =>
    appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never)) as Promise<
      unknown[]
    >;

  it.each(contactTriggers.flatMap((key) => ['staffCreate', 'staffEdit', 'staffDelete'].map((s) => [key, s])))(
    '%s ignores %s (Open API envelope and flat)',
    async (key, status) => {
      await expect(perform(key, ev.staffOpenApi(status))).resolves.toEqual([]);
      await expect(perform(key, { status, id: 's-1', fullName: 'Sam Wong' })).resolves.toEqual([]);
    },
  );
});

describe('label colour in Test Trigger records', () => {
  it.each(['label_created', 'label_edited'])('%s: the label list colorName becomes colorCode', async (key) => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/labels`)
      .query(true)
      .reply(200, { code: 0, labelList: ev.labelRecords });
    const items = (await appTester(hookTrigger(key).operation.performList, bundleWith())) as Record<string, unknown>[];
    scope.done();
    expect(items.map((i) => [i.id, i.colorCode])).toEqual([
      ['lbl-1', '#1E88E5'],
      ['lbl-2', 'red'],
    ]);
  });

  it('an event still reads colorCode first', async () => {
    const items = (await appTester(
      hookTrigger('label_edited').operation.perform,
      bundleWith({}, { cleanedRequest: { ...ev.labelFlat('update'), colorName: 'blue' } } as never),
    )) as Record<string, unknown>[];
    expect(items[0]!.colorCode).toBe('#1E88E5');
  });
});
