/**
 * A Zap builder's steps fit together: each ID a trigger or search outputs goes, as it is, into the action or
 * search field that asks for that kind of record, and reaches CINNOX where CINNOX needs it. Each chain runs the
 * first step's perform, maps its output into the second step's input, and checks the request CINNOX receives.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as ev from './fixtures/hook-events';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from './helpers/app';
import { hookTrigger } from './helpers/hooks';

type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const create = (key: keyof typeof App.creates) => App.creates[key].operation.perform as Perform;
const search = (key: keyof typeof App.searches) => App.searches[key].operation.perform as Perform;
const delivered = async (key: string, body: unknown): Promise<Item> =>
  (
    (await appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never))) as Item[]
  )[0]!;

const RECORD_ID = '66b000000000000000000001';

describe('enquiry triggers →', () => {
  const closed = async () => delivered('enquiry_closed', { ...ev.enquiryOpenApi('Closed'), eid: RECORD_ID });

  it('Get Enquiry Transcript: the Enquiry Record ID is looked up, and the chat read by its case number', async () => {
    const { enquiryID } = await closed();
    expect(enquiryID).toBe(RECORD_ID);
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .query((q) => q.offset === '0' && q.limit === '500' && Boolean(q.startAt) && Boolean(q.endAt))
      .reply(200, {
        code: 0,
        result: [
          { _id: 'other', displayCaseNumber: '1' },
          { _id: RECORD_ID, displayCaseNumber: '100245', inquiry: 'enq-1' },
        ],
      })
      .get(`${API_ROOT}/data/enquiry-chat`)
      .query({ enquiryID: '100245' })
      .reply(200, { code: 0, result: [{ fromName: 'Dana Lam', msgText: 'Hello', createdAt: '2026-11-22T08:15:02Z' }] });
    const [transcript] = (await appTester(
      search('get_enquiry_transcript'),
      bundleWith({ enquiry_id: enquiryID }),
    )) as Item[];
    expect(transcript).toMatchObject({
      enquiry_id: '100245',
      message_count: 1,
      transcript: '2026-11-22T08:15Z Dana Lam: Hello',
    });
    scope.done();
  });

  it('Get Enquiry Transcript: an Enquiry Record ID no recent enquiry has is tried as it is, and the refusal says so', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .query(true)
      .reply(200, { code: 6451011, message: 'No records found' })
      .get(`${API_ROOT}/data/enquiry-chat`)
      .query({ enquiryID: RECORD_ID })
      .reply(200, { code: 6451000, message: 'invalid enquiryID' });
    const error = await failure(() =>
      appTester(search('get_enquiry_transcript'), bundleWith({ enquiry_id: RECORD_ID })),
    );
    expect(error.message).toBe(
      `CINNOX does not accept "${RECORD_ID}" as an enquiry (CINNOX code 6451000: invalid enquiryID). It looks like an Enquiry Record ID, but no enquiry of the last 7 days has it. Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.`,
    );
    scope.done();
  });

  it('Get Enquiry Transcript: the Display Case Number goes to the chat as it is, with no look-up', async () => {
    const { displayCaseNumber } = await closed();
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-chat`)
      .query({ enquiryID: String(displayCaseNumber) })
      .reply(200, { code: 0, result: [{ createdAt: '2026-11-22T08:15:02Z', fromName: 'Dana Lam', msgText: 'Hello' }] });
    await appTester(search('get_enquiry_transcript'), bundleWith({ enquiry_id: displayCaseNumber }));
    scope.done();
  });

  it.each([
    ['Add Labels to Enquiry', 'add_enquiry_labels', 'post'],
    ['Remove Labels from Enquiry', 'remove_enquiry_labels', 'delete'],
  ] as const)('%s: the Enquiry Record ID is the path CINNOX labels', async (_label, key, method) => {
    const { enquiryID } = await closed();
    const scope = nock(BASE_URL)
      .intercept(`${API_ROOT}/inquiries/${RECORD_ID}/labels`, method.toUpperCase(), { labelIds: ['l-1'] })
      .reply(200, { code: 0, labelIds: method === 'post' ? ['l-1'] : [], notExistLabelIds: null });
    await appTester(create(key), bundleWith({ enquiry_id: enquiryID, label_ids: ['l-1'] }));
    scope.done();
  });
});

describe('contact triggers and Find External Contact → Update External Contact', () => {
  it("the trigger's External Contact ID is the contact CINNOX updates", async () => {
    const { contactId } = await delivered('contact_created', ev.contactOpenApi('create'));
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/${String(contactId)}`, { jobTitle: 'CTO' })
      .reply(200, { code: 0, id: contactId });
    await appTester(create('update_contact'), bundleWith({ contact_id: contactId, job_title: 'CTO' }));
    scope.done();
  });

  it("Find External Contact's ID is the contact CINNOX updates", async () => {
    const list = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/extcontact-list`)
      .query(true)
      .reply(200, { code: 0, result: [{ id: 'c-9', firstName: 'Ann', lastName: 'Lee' }] });
    const [found] = (await appTester(search('find_contact'), bundleWith({ full_name: 'Ann Lee' }))) as Item[];
    list.done();
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/c-9`, { jobTitle: 'CTO' })
      .reply(200, { code: 0, id: 'c-9' });
    await appTester(create('update_contact'), bundleWith({ contact_id: found!.id, job_title: 'CTO' }));
    scope.done();
  });
});

describe('Find Staff Member and the staff triggers → Send IM to Staff', () => {
  it("the staff member's ID is the IM's receiver", async () => {
    nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query(true)
      .reply(200, { code: 0, result: [{ id: 's-7', firstName: 'Ben', lastName: 'Chan' }] });
    const [staff] = (await appTester(search('find_staff'), bundleWith({ full_name: 'Ben Chan' }))) as Item[];
    const { staffId } = await delivered('staff_created', ev.staffOpenApi('staffCreate'));
    for (const id of [staff!.id, staffId]) {
      const scope = nock(BASE_URL)
        .post(`${API_ROOT}/message-push`, (body: { receiverEID?: string }) => body.receiverEID === id)
        .reply(200, { code: 0 });
      await appTester(create('send_im_to_staff'), bundleWith({ staff_id: id, text: 'Hi' }));
      scope.done();
    }
  });
});

describe('Find Label and the label triggers → Add Labels to Enquiry', () => {
  it("the label's ID is the label CINNOX applies", async () => {
    nock(BASE_URL)
      .get(`${API_ROOT}/labels`)
      .query(true)
      .reply(200, { code: 0, labelList: [{ id: 'l-7', name: 'VIP' }] });
    const [label] = (await appTester(search('find_label'), bundleWith({ name: 'VIP' }))) as Item[];
    const { id: fromTrigger } = await delivered('label_created', ev.labelOpenApi('create'));
    for (const id of [label!.id, fromTrigger]) {
      const scope = nock(BASE_URL)
        .post(`${API_ROOT}/inquiries/${RECORD_ID}/labels`, { labelIds: [String(id)] })
        .reply(200, { code: 0, labelIds: [id], notExistLabelIds: null });
      await appTester(create('add_enquiry_labels'), bundleWith({ enquiry_id: RECORD_ID, label_ids: [id] }));
      scope.done();
    }
  });
});
