/**
 * At the edges of an unconfirmed CINNOX, security: the App Token never leaves the Base URL's origin (no redirect is followed), no path
 * escapes `/v1/api/apps/{App ID}/`, and a malformed Base URL is the usual "Base URL" error.
 */
import nock from 'nock';
import { API_ROOT, APP_ID, App, BASE_URL, appTester, authData, bundleWith, failure } from '../helpers/app';
import { createPerform, searchPerform, watchUnmatched, type Perform } from '../helpers/ops';

const test_ = App.authentication!.test as Perform;
const label = App.authentication!.connectionLabel as Perform;
const STAFF = `${API_ROOT}/contacts/staffcontact-list`;

const unmatched = watchUnmatched();

const SMS_INPUT = {
  number_type: 'access-numbers',
  sender_number: '+85230001234',
  recipient_numbers: ['+85294667788'],
  text: 'Your order has shipped.',
};

describe('CINNOX requests follow no redirect: the token never leaves the origin', () => {
  it.each([
    ['the same host on another port', 'https://api.cinnox.test:8443/v1/api/apps/app123/sms'],
    ['a subdomain', 'https://evil.api.cinnox.test/v1/api/apps/app123/sms'],
    ['another host', 'https://collector.example/steal'],
  ])('Send SMS answered 307 to %s: an error naming where, the SMS body not re-sent', async (_what, location) => {
    const scope = nock(BASE_URL).post(`${API_ROOT}/sms`).reply(307, '', { Location: location });
    const target = new URL(location);
    const elsewhere = nock(target.origin).post(target.pathname).reply(200, { code: 0, result: [] });
    const error = await failure(() => appTester(createPerform('send_sms'), bundleWith(SMS_INPUT)));
    scope.done();
    expect(elsewhere.isDone()).toBe(false);
    nock.cleanAll();
    expect(error).toMatchObject({ name: 'AppError', code: 'CinnoxRedirect' });
    expect(error.message).toBe(
      `CINNOX answered HTTP 307 and tried to send this request to ${location}. The app does not follow redirects, so the request and the App Token went nowhere else. Check the connection's Base URL: use the exact Base URL the CINNOX Dashboard shows (Administration > Service Integration > Third Party Integration > Zapier).`,
    );
  });

  it('the connection test answered 301 fails, naming the Location, and nothing is requested there', async () => {
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query(true)
      .reply(301, '<html>moved</html>', { Location: 'https://www.api.cinnox.test/v1/api/apps/app123/contacts' });
    const elsewhere = nock('https://www.api.cinnox.test').get(/.*/).reply(200, []);
    const error = await failure(() => appTester(test_, { authData }));
    scope.done();
    expect(elsewhere.isDone()).toBe(false);
    nock.cleanAll();
    expect(error.message).toContain(
      'CINNOX answered HTTP 301 and tried to send this request to https://www.api.cinnox.test/v1/api/apps/app123/contacts.',
    );
    expect(error.message).toContain("Check the connection's Base URL");
  });

  it('a 3xx without a Location is an error too', async () => {
    const scope = nock(BASE_URL).get(STAFF).query(true).reply(302, '');
    const error = await failure(() => appTester(test_, { authData }));
    scope.done();
    expect(error.message).toContain('CINNOX answered HTTP 302 and named no other address.');
  });
});

describe('ids that would collapse the path are refused before any request', () => {
  it.each(['.', '..'])('App ID %p: the connection test sends nothing', async (appId) => {
    const error = await failure(() => appTester(test_, { authData: { ...authData, appId } }));
    expect(error.message).toBe(
      `App ID "${appId}" is not a CINNOX App ID: copy it again from the CINNOX Dashboard (Administration > Service Integration > Third Party Integration > Zapier).`,
    );
    expect(unmatched.list).toEqual([]);
  });

  it.each(['.', '..', ' .. '])('External Contact ID %p: Update External Contact sends nothing', async (id) => {
    const error = await failure(() =>
      appTester(createPerform('update_contact'), bundleWith({ contact_id: id, job_title: 'CTO' })),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. External Contact ID "${id.trim()}" is not a CINNOX ID: "." and ".." are not IDs. Map the ID from a CINNOX trigger or from Find External Contact.`,
    );
    expect(unmatched.list).toEqual([]);
  });

  it('an ordinary id with dots inside stays inside the App ID path', async () => {
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/a..b`)
      .reply(200, { code: 0, id: 'a..b' });
    await appTester(createPerform('update_contact'), bundleWith({ contact_id: 'a..b', job_title: 'CTO' }));
    scope.done();
  });
});

describe('an ID holds none of what a URL reads as more than an ID (A32): refused before any request, naming the field', () => {
  const NO = '(CINNOX IDs have no spaces, "/", "\\", "%", "?" or "#")';
  const CONTACT_HINT = 'Map the ID from a CINNOX trigger or from Find External Contact.';
  const ENQUIRY_HINT = 'Map Enquiry Record ID from an enquiry trigger or Find Enquiry.';
  const labels = { enquiry_id: 'e1', label_ids: ['l1'] };

  it.each([
    ['update_contact', 'External Contact ID', { contact_id: 'c/1', job_title: 'CTO' }, '"c/1"', '"/"', CONTACT_HINT],
    [
      'create_or_update_contact',
      'External Contact ID',
      { contact_id: 'c\\1', first_name: 'Ann' },
      '"c\\1"',
      '"\\"',
      CONTACT_HINT,
    ],
    ['add_enquiry_labels', 'Enquiry Record ID', { ...labels, enquiry_id: 'e 1' }, '"e 1"', 'a space', ENQUIRY_HINT],
    ['remove_enquiry_labels', 'Enquiry Record ID', { ...labels, enquiry_id: 'e%2F1' }, '"e%2F1"', '"%"', ENQUIRY_HINT],
    [
      'add_enquiry_labels',
      'Labels',
      { ...labels, label_ids: ['l1', 'l?2'] },
      '"l?2"',
      '"?"',
      'Pick the labels from the drop-down, or map label IDs from Find Label.',
    ],
    [
      'send_im_to_room',
      'Room ID',
      { room_id: 'room#1', text: 'Hi' },
      '"room#1"',
      '"#"',
      'Copy the Room ID from the Space in CINNOX.',
    ],
    [
      'send_im_to_staff',
      'Staff ID',
      { staff_id: 'Ann\nLee', text: 'Hi' },
      '"Ann\nLee"',
      'white space (U+000A)',
      'Pick the staff member from the drop-down, or map the ID from Find Staff Member.',
    ],
    [
      'find_enquiry',
      'Display Case Number',
      { display_case_number: '#100245' },
      '"#100245"',
      '"#"',
      'Enter the enquiry number as the CINNOX Dashboard shows it, or map Display Case Number from an enquiry trigger.',
    ],
    [
      'get_enquiry_transcript',
      'Enquiry ID or Display Case Number',
      { enquiry_id: 'e\t1' },
      '"e\t1"',
      'white space (U+0009)',
      'Map Display Case Number or Enquiry Record ID from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry.',
    ],
  ])('%s: %s %s', async (key, label, inputData, quoted, what, hint) => {
    const perform = key.startsWith('find_') || key.startsWith('get_') ? searchPerform(key) : createPerform(key);
    const error = await failure(() => appTester(perform, bundleWith(inputData)));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. ${label} ${quoted} is not a CINNOX ID: it contains ${what} ${NO}. ${hint}`,
    );
    expect(unmatched.list).toEqual([]);
  });

  it.each([' ', '\u00A0', '/', '\\', '%', '?', '#'])('%p inside an External Contact ID is refused', async (char) => {
    const error = await failure(() =>
      appTester(createPerform('update_contact'), bundleWith({ contact_id: `c${char}1`, job_title: 'CTO' })),
    );
    expect(error.message).toMatch(
      /^Nothing was sent to CINNOX\. External Contact ID ".*" is not a CINNOX ID: it contains /,
    );
    expect(unmatched.list).toEqual([]);
  });

  it('an ID of 128 characters is sent; 129 are refused as too long', async () => {
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/${'c'.repeat(128)}`)
      .reply(200, { code: 0, id: 'c'.repeat(128) });
    await appTester(createPerform('update_contact'), bundleWith({ contact_id: 'c'.repeat(128), job_title: 'CTO' }));
    scope.done();
    const error = await failure(() =>
      appTester(createPerform('update_contact'), bundleWith({ contact_id: 'c'.repeat(129), job_title: 'CTO' })),
    );
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. External Contact ID is too long for CINNOX: 129 UTF-16 code units, at most 128 ("${'c'.repeat(129)}").`,
    );
  });
});

describe('a malformed % escape in the Base URL is the usual Base URL error', () => {
  const baseUrl = `https://h.example/v1/api/apps/%E0%A4%A`;
  it('from the connection test, before any request', async () => {
    const error = await failure(() => appTester(test_, { authData: { ...authData, baseUrl } }));
    expect(error).toMatchObject({ code: 'InvalidBaseUrl' });
    expect(error.message).toBe(
      `Base URL path "/v1/api/apps/%E0%A4%A" is not CINNOX's: enter just the Base URL (for example https://examplebaseurl.com), optionally followed by /v1/api/apps/{App ID}.`,
    );
    expect(unmatched.list).toEqual([]);
  });

  it('from the connection label', async () => {
    const error = await failure(() => appTester(label, { authData: { ...authData, baseUrl } }));
    expect(error.name).not.toBe('URIError');
    expect(error.message).toContain('Base URL path "/v1/api/apps/%E0%A4%A" is not CINNOX\'s');
  });

  it('and from an action', async () => {
    const error = await failure(() =>
      appTester(searchPerform('find_contact'), {
        authData: { ...authData, baseUrl: `https://h.example/v1/api/apps/%${APP_ID}` },
        inputData: { full_name: 'Ann Lee' },
      }),
    );
    expect(error.message).toContain("is not CINNOX's: enter just the Base URL");
    expect(unmatched.list).toEqual([]);
  });
});
