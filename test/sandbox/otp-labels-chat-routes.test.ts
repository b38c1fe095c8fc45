/**
 * The sandbox's model of the OTP, enquiry-label, chat and filtered-list endpoints, over HTTP: Send OTP SMS with its checks (§1.2), labels
 * on enquiries with the documented answers incl. notExistLabelIds (§3.6, A25), the chat log of closed enquiries
 * only (§2.2, A28, 6451013), the staff list's `fullName` and the label list's `name` filters.
 */
import {
  ENQUIRY_CHAT_PATH,
  LABEL_LIST_PATH,
  SEND_OTP_PATH,
  STAFF_LIST_PATH,
  enquiryLabelsPath,
} from '../../src/cinnox/contract';
import { badParameters, sharedSandbox, type Json } from './harness';

const sandbox = sharedSandbox();
const seeded = async () => {
  const state = await sandbox().admin('GET', '/state');
  const closed = state.enquiries.find((e: Json) => e.status === 'closed');
  const missed = state.enquiries.find((e: Json) => e.status === 'missed');
  const [vip, followUp] = state.labels;
  return { closed, missed, vip, followUp };
};

describe('POST /send_otp', () => {
  const otp = { senderNumber: 'CINNOX', recipientNumber: '+85294667788', text: 'Your code is %s', pin: '123456' };

  it('sends from an Alphanumeric sender ID, answers {code, serviceID, status, transactionID} and records the SMS', async () => {
    const { status, data } = await sandbox().api('POST', SEND_OTP_PATH, { body: otp });
    expect(status).toBe(200);
    expect(data).toEqual({ code: 0, serviceID: 'sandbox-service', status: true, transactionID: expect.any(String) });
    const state = await sandbox().admin('GET', '/state');
    expect(state.otps).toEqual([expect.objectContaining({ text: 'Your code is 123456', pin: '123456' })]);
  });

  it.each([
    [
      { senderNumber: '+85230001234' },
      7210103,
      'senderNumber Invalid format: "+85230001234" (Alphanumeric sender ID only)',
    ],
    [
      { senderNumber: 'OTHER' },
      6451000,
      'Invalid senderNumber: "OTHER" is not an Alphanumeric sender ID of this account',
    ],
    [{ recipientNumber: '94667788' }, 7210104, 'RecipientNumber Invalid format: "94667788"'],
    [{ text: 'Your code' }, 6451000, 'invalid text: must contain %s where the PIN is displayed'],
    [{ pin: '12345678901' }, 6451000, 'invalid pin: at most 10 letters or digits'],
    [{ pin: '12 34' }, 6451000, 'invalid pin: at most 10 letters or digits'],
    [{ pin: undefined }, 6451000, 'pin is required'],
  ])('refuses %p with %d', async (change, code, message) => {
    expect(await sandbox().api('POST', SEND_OTP_PATH, { body: { ...otp, ...change } })).toEqual({
      status: 400,
      data: { code, message },
    });
  });
});

describe('POST / DELETE /inquiries/{inquiryID}/labels', () => {
  it('labels an enquiry by its record id (A25), answering the applied labels, then unlabels it', async () => {
    const { closed, vip, followUp } = await seeded();
    const added = await sandbox().api('POST', enquiryLabelsPath(closed._id), {
      body: { labelIds: [vip.id, followUp.id] },
    });
    expect(added).toEqual({
      status: 200,
      data: { code: 0, notExistLabelIds: null, labelIds: [vip.id, followUp.id], updatedAt: expect.any(String) },
    });
    const removed = await sandbox().api('DELETE', enquiryLabelsPath(closed._id), { body: { labelIds: [vip.id] } });
    expect(removed.data).toEqual({
      code: 0,
      notExistLabelIds: null,
      labelIds: [followUp.id],
      updatedAt: expect.any(String),
    });
    const none = await sandbox().api('DELETE', enquiryLabelsPath(closed._id), { body: { labelIds: [followUp.id] } });
    expect(none.data).toMatchObject({ notExistLabelIds: null, labelIds: null });
  });

  it('answers notExistLabelIds for ids that are no label, applying the others', async () => {
    const { closed, vip } = await seeded();
    const { data } = await sandbox().api('POST', enquiryLabelsPath(closed._id), {
      body: { labelIds: [vip.id, 'nope'] },
    });
    expect(data).toMatchObject({ notExistLabelIds: ['nope'], labelIds: [vip.id] });
  });

  it('refuses an unknown enquiry, the inquiry ID (A25) and a missing or empty labelIds', async () => {
    const { closed, vip } = await seeded();
    expect(await sandbox().api('POST', enquiryLabelsPath('nope'), { body: { labelIds: [vip.id] } })).toEqual(
      badParameters('invalid enquiryID'),
    );
    expect(await sandbox().api('POST', enquiryLabelsPath(closed.inquiry), { body: { labelIds: [vip.id] } })).toEqual(
      badParameters('invalid enquiryID'),
    );
    expect(await sandbox().api('DELETE', enquiryLabelsPath(closed._id), { body: {} })).toEqual(
      badParameters('labelIds is required'),
    );
    expect(await sandbox().api('POST', enquiryLabelsPath(closed._id), { body: { labelIds: [] } })).toEqual(
      badParameters('labelIds is required'),
    );
  });
});

describe('GET /data/enquiry-chat', () => {
  it('answers the chat of a closed enquiry by display case number or inquiry ID', async () => {
    const { closed } = await seeded();
    for (const ref of [closed.displayCaseNumber, closed.inquiry]) {
      const { status, data } = await sandbox().api('GET', `${ENQUIRY_CHAT_PATH}?enquiryID=${ref}`);
      expect(status).toBe(200);
      expect(data.result).toHaveLength(4);
      expect(data.result[0]).toMatchObject({
        fromName: 'Dana Lam',
        msgContentType: 'TYPE_TEXT',
        msgText: 'Hello, my order has not arrived.',
        inquiryID: closed.inquiry,
        content: { msg: { type: 1 } },
      });
    }
  });

  it('answers 6451011 for an enquiry that is not closed (A28), 6451000 for an unknown one or none', async () => {
    const { missed } = await seeded();
    expect(await sandbox().api('GET', `${ENQUIRY_CHAT_PATH}?enquiryID=${missed.displayCaseNumber}`)).toEqual({
      status: 400,
      data: { code: 6451011, message: 'No records found' },
    });
    expect(await sandbox().api('GET', `${ENQUIRY_CHAT_PATH}?enquiryID=9999`)).toEqual(
      badParameters('invalid enquiryID'),
    );
    expect(await sandbox().api('GET', ENQUIRY_CHAT_PATH)).toEqual(badParameters('enquiryID is required'));
  });

  it('answers 6451013 for a chat over the limit', async () => {
    const { closed } = await seeded();
    await sandbox().admin('POST', `/enquiries/${closed._id}/chat`, { messages: 501 });
    expect(await sandbox().api('GET', `${ENQUIRY_CHAT_PATH}?enquiryID=${closed.displayCaseNumber}`)).toEqual({
      status: 400,
      data: { code: 6451013, message: 'Requested chat logs over the limit' },
    });
  });
});

describe('list filters', () => {
  it("the staff list's fullName", async () => {
    const { data } = await sandbox().api('GET', `${STAFF_LIST_PATH}?fullName=ben%20chan&offset=0&limit=500`);
    expect(data.result.map((s: Json) => s.displayName)).toEqual(['Ben Chan']);
  });

  it("the label list's name", async () => {
    const { data } = await sandbox().api('GET', `${LABEL_LIST_PATH}?name=vip&offset=0&limit=500`);
    expect(data.labelList.map((l: Json) => l.name)).toEqual(['VIP']);
  });
});
