import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith } from '../helpers/app';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const staffList = App.triggers!.staff_list!;
const senderList = App.triggers!.sender_number_list!;
const performOf = (trigger: { operation: unknown }): Perform =>
  (trigger.operation as unknown as { perform: Perform }).perform;
const runTrigger = (key: 'label_list' | 'otp_sender_list', inputData: Record<string, unknown>, n = 0) =>
  appTester(performOf(App.triggers[key]), bundleWith(inputData, { meta: { page: n } } as Partial<Bundle>));
const LABELS = `${API_ROOT}/labels`;
const page = (n: number, inputData: Record<string, unknown> = {}) =>
  bundleWith(inputData, { meta: { page: n } as Bundle['meta'] });

const staffRecords = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${from + i}`,
    firstName: 'Staff',
    lastName: String(from + i),
    email: `s${from + i}@example.com`,
    status: 'Activated',
  }));

describe('staff_list (hidden, feeds Staff ID)', () => {
  it('is hidden and pages', () => {
    expect(staffList.display.hidden).toBe(true);
    expect(staffList.operation).toMatchObject({ type: 'polling', canPaginate: true });
  });

  it('lists staff as "First Last (email)": page 0 is one CINNOX request of 500', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '0', limit: '500' })
      .reply(200, {
        code: 0,
        result: [
          { id: 's1', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', status: 'Activated' },
          { id: 's2', displayName: 'Bob', email: 'bob@example.com' },
          { id: 's3', email: 'cat@example.com' },
          { id: 's4' },
          { firstName: 'No', lastName: 'Id' },
        ],
      });
    const items = await appTester(performOf(staffList), page(0));
    scope.done();
    expect(items).toEqual([
      {
        id: 's1',
        name: 'Ann Lee (ann@example.com)',
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann@example.com',
        status: 'Activated',
      },
      { id: 's2', name: 'Bob (bob@example.com)', firstName: '', lastName: '', email: 'bob@example.com', status: '' },
      { id: 's3', name: 'cat@example.com', firstName: '', lastName: '', email: 'cat@example.com', status: '' },
      { id: 's4', name: 's4', firstName: '', lastName: '', email: '', status: '' },
    ]);
  });

  it('page 1 re-reads page 0 then reads offset 500: the staff after the first 500', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '0', limit: '500' })
      .reply(200, staffRecords(0, 500))
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '500', limit: '500' })
      .reply(200, staffRecords(500, 3));
    const items = await appTester(performOf(staffList), page(1));
    scope.done();
    expect(items.map((s) => s.id)).toEqual(['s500', 's501', 's502']);
    expect(items[0]!.name).toBe('Staff 500 (s500@example.com)');
  });

  it('under a page cap of 50, page 1 is staff 50-99, none skipped', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '0', limit: '500' })
      .reply(200, staffRecords(0, 50))
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '50', limit: '500' })
      .reply(200, staffRecords(50, 50));
    const items = await appTester(performOf(staffList), page(1));
    scope.done();
    expect(items.map((s) => s.id)).toEqual(staffRecords(50, 50).map((s) => s.id));
  });

  it('CINNOX ignoring offset (page 0 again) gives an empty page 1, never the same staff twice', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '0', limit: '500' })
      .reply(200, staffRecords(0, 500))
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '500', limit: '500' })
      .reply(200, staffRecords(0, 500));
    expect(await appTester(performOf(staffList), page(1))).toEqual([]);
    scope.done();
  });

  it('ends the list on "No records found"', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '0', limit: '500' })
      .reply(400, { code: 6451011, message: 'No records found' });
    expect(await appTester(performOf(staffList), page(2))).toEqual([]);
    scope.done();
  });
});

describe('sender_number_list (hidden, feeds Sender Number)', () => {
  it('is hidden and pages', () => {
    expect(senderList.display.hidden).toBe(true);
    expect(senderList.operation).toMatchObject({ type: 'polling', canPaginate: true });
  });

  it('lists the numbers of the chosen Number Type that can send SMS, one request per page', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/cli`)
      .query({ offset: '0', limit: '500' })
      .reply(200, {
        code: 0,
        result: [
          {
            serviceID: 'svc1',
            number: '+85230001234',
            type: 'CUSTOM',
            country: ['HK'],
            expireDate: '2027-01-01T00:00:00.000Z',
            supportSMS: true,
          },
          { ServiceID: 'svc1', Number: 85230005678, type: 'DID', country: 'HK', name: 'Sales line', supportSMS: false },
          { serviceID: 'svc1', type: 'DID' },
          { ServiceID: 'svc1', Number: 85230005679, type: 'DID', country: 'HK', name: 'Support line' },
        ],
      });
    const items = await appTester(performOf(senderList), page(0, { number_type: 'cli' }));
    scope.done();
    expect(items).toEqual([
      {
        id: '+85230001234',
        label: '+85230001234 (HK, CUSTOM)',
        number: '+85230001234',
        number_type: 'Service Number',
        type: 'CUSTOM',
        country: 'HK',
        ServiceID: 'svc1',
      },
      // supportSMS false: left out; no supportSMS: kept (CINNOX may omit it).
      // Listed as digits (a JSON number): given with "+", as Send SMS's Sender Number needs it.
      {
        id: '+85230005679',
        label: '+85230005679 Support line (HK, DID)',
        number: '+85230005679',
        number_type: 'Service Number',
        type: 'DID',
        country: 'HK',
        ServiceID: 'svc1',
      },
    ]);
  });

  it('pages past 500 with offset 500 and defaults to Virtual Numbers when no type is chosen yet', async () => {
    const firstPage = Array.from({ length: 500 }, (_, i) => ({ number: `+8523000${String(i).padStart(4, '0')}` }));
    const scope = nock(BASE_URL)
      // Page 2 re-reads page 1 (readPages: no number skipped by a page cap nor repeated by an ignored offset).
      .get(`${API_ROOT}/access-numbers`)
      .query({ offset: '0', limit: '500' })
      .reply(200, firstPage)
      .get(`${API_ROOT}/access-numbers`)
      .query({ offset: '500', limit: '500' })
      .reply(200, [{ number: '+85230009999', type: 'DID', country: ['HK'] }]);
    const items = await appTester(performOf(senderList), page(1));
    scope.done();
    expect(items.map((n) => [n.id, n.number_type])).toEqual([['+85230009999', 'Virtual Number']]);
  });

  it('lists Virtual Numbers, not Alphanumeric sender IDs, for a type Send SMS does not offer', async () => {
    const scope = nock(BASE_URL).get(`${API_ROOT}/access-numbers`).query({ offset: '0', limit: '500' }).reply(200, []);
    expect(await appTester(performOf(senderList), page(0, { number_type: 'sms-numbers' }))).toEqual([]);
    scope.done();
  });
});

describe('the Sender ID and Labels drop-downs', () => {
  it('label_list: page 0 is one request of 500; options only for labels with an id', async () => {
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ offset: '0', limit: '500' })
      .reply(200, { code: 0, labelList: [{ id: 'L1', name: 'VIP', colorName: 'red' }, { name: 'no id' }] });
    expect(await runTrigger('label_list', {}, 0)).toEqual([{ id: 'L1', name: 'VIP', colorName: 'red' }]);
    scope.done();
  });

  it('label_list: under a page cap of 50, page 1 is labels 50-99 (re-reading page 0), none skipped', async () => {
    const page = (from: number) => ({
      code: 0,
      labelList: Array.from({ length: 50 }, (_, i) => ({ id: `l${from + i}`, name: `x${from + i}` })),
    });
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ offset: '0', limit: '500' })
      .reply(200, page(0))
      .get(LABELS)
      .query({ offset: '50', limit: '500' })
      .reply(200, page(50));
    const options = await runTrigger('label_list', {}, 1);
    scope.done();
    expect(options.map((o) => o.id)).toEqual(Array.from({ length: 50 }, (_, i) => `l${50 + i}`));
  });

  it('label_list: CINNOX ignoring offset (page 0 again) gives an empty page 1, never the same labels twice', async () => {
    const full = { code: 0, labelList: Array.from({ length: 500 }, (_, i) => ({ id: `l${i}`, name: `x${i}` })) };
    const scope = nock(BASE_URL)
      .get(LABELS)
      .query({ offset: '0', limit: '500' })
      .reply(200, full)
      .get(LABELS)
      .query({ offset: '500', limit: '500' })
      .reply(200, full);
    expect(await runTrigger('label_list', {}, 1)).toEqual([]);
    scope.done();
  });

  it('otp_sender_list: the Alphanumeric sender IDs (A4 sms-numbers)', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/sms-numbers`)
      .query({ offset: '0', limit: '500' })
      .reply(200, {
        code: 0,
        result: [{ Number: 'CINNOX', type: 'ALPHANUMERIC', country: ['HK'], ServiceID: 'svc', supportSMS: true }],
      });
    expect(await runTrigger('otp_sender_list', {})).toEqual([
      {
        id: 'CINNOX',
        label: 'CINNOX (HK, ALPHANUMERIC)',
        number: 'CINNOX',
        number_type: 'Alphanumeric',
        type: 'ALPHANUMERIC',
        country: 'HK',
        ServiceID: 'svc',
      },
    ]);
    scope.done();
  });
});
