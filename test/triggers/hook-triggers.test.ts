/**
 * The 13 instant triggers, table-driven: registration, subscribe / unsubscribe bodies, perform on
 * every payload shape, challenges and foreign statuses, and that perform, performList, the sample and
 * the outputFields all have exactly the top-level keys listed here per trigger (independently of the app's lists).
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import {
  OTHER_URL,
  TARGET_URL,
  detailsPointer,
  flatKeys,
  hookTrigger,
  keysOf,
  modelled,
  transcriptFilePointer,
  transcriptPointer,
} from '../helpers/hooks';

type Group = 'contact' | 'enquiry' | 'sms' | 'label';

interface Case {
  key: string;
  label: string;
  group: Group;
  subscription: string;
  status: string;
  /** Payload shape name → delivery. */
  shapes: Record<string, unknown>;
  /** perform's item for each shape, without its id. */
  expected: Record<string, Record<string, unknown>>;
  /** Deliveries of the same subscription this trigger must ignore. */
  foreign: unknown[];
  /** The item's top-level keys (the CINNOX Zapier guide's keys, the CINNOX ids, the per-event id), written out here. */
  keys: string[];
  /** How many of RECORDS[group] performList shows for this trigger; 0: CINNOX cannot list these events
   * (merges, transfers, deletions), so performList reads nothing and shows the sample. */
  listed: number;
}

const CONTACT_KEYS = ['id', 'status', 'name', 'contactId', 'serviceId'];
const ENQUIRY_KEYS = [
  'id',
  'status',
  'enquiryID',
  'displayCaseNumber',
  'type',
  'channel',
  'date',
  'destination',
  'destinationTypes',
  'serviceId',
];
const SMS_KEYS = [
  'id',
  'transactionId',
  'recipientNumber',
  'recipientCountry',
  'responseCode',
  'status',
  'exception',
  'serviceId',
];
const LABEL_KEYS = ['eventId', 'status', 'id', 'name', 'serviceId'];
/** ev.enquiryRecords per Enquiry Details status: open 1, ongoing 1, followed-up 1, missed 1, closed 2 (A19). */
const ENQUIRY_LISTED: Record<string, number> = { Opened: 1, Handling: 2, Closed: 2, Missed: 1 };

const CONTACT_STATUSES = {
  contact_created: 'create',
  contact_edited: 'edit',
  contact_merged: 'merge',
  contact_ownership_transferred: 'transfer',
  contact_deleted: 'delete',
};
const ENQUIRY_STATUSES = {
  enquiry_opened: 'Opened',
  enquiry_handling: 'Handling',
  enquiry_closed: 'Closed',
  enquiry_missed: 'Missed',
};
const LABEL_STATUSES = { label_created: 'create', label_edited: 'update', label_deleted: 'deleted' };
const LABELS: Record<string, string> = {
  contact_created: 'New External Contact',
  contact_edited: 'External Contact Edited',
  contact_merged: 'External Contact Merged',
  contact_ownership_transferred: 'External Contact Ownership Transferred',
  contact_deleted: 'External Contact Deleted',
  enquiry_opened: 'New Incoming Enquiry',
  enquiry_handling: 'Enquiry Handled by Staff',
  enquiry_closed: 'Enquiry Closed',
  enquiry_missed: 'Missed Enquiry',
  sms_delivery_receipt: 'New SMS Delivery Receipt',
  label_created: 'New Label',
  label_edited: 'Label Edited',
  label_deleted: 'Label Deleted',
};

const others = (all: Record<string, string>, mine: string) => Object.values(all).filter((s) => s !== mine);

const cases: Case[] = [
  ...Object.entries(CONTACT_STATUSES).map(([key, status]): Case => {
    const transfer = status === 'transfer';
    const owners = transfer ? { fromOwnerID: 'staff-1', toOwnerID: 'staff-2' } : {};
    const details = status === 'delete' ? {} : { details: detailsPointer('c-100') };
    return {
      key,
      label: LABELS[key]!,
      group: 'contact',
      subscription: 'contact-event-sub',
      status,
      shapes: { openApi: ev.contactOpenApi(status, owners), flat: ev.contactFlat(status, owners) },
      expected: {
        openApi: { status, name: 'Ann Lee', contactId: 'c-100', serviceId: 'svc-1', ...owners, ...details },
        flat: { status, name: 'Ann Lee', contactId: 'c-100', serviceId: '', ...owners, ...details },
      },
      keys: [
        ...CONTACT_KEYS,
        ...(transfer ? ['fromOwnerID', 'toOwnerID'] : []),
        ...(status === 'delete' ? [] : ['details']),
      ],
      listed: status === 'create' || status === 'edit' ? 2 : 0,
      foreign: [
        ...others(CONTACT_STATUSES, status).flatMap((s) => [ev.contactOpenApi(s), ev.contactFlat(s)]),
        ev.staffOpenApi('staffCreate'),
        ev.staffOpenApi('staffEdit'),
        ev.staffOpenApi('staffDelete'),
        // A staff event whose status happens to be this trigger's: its message.type still tells.
        ev.staffOpenApi(status),
      ],
    };
  }),
  ...Object.entries(ENQUIRY_STATUSES).map(([key, status]): Case => {
    // Enquiry Closed carries the transcript: a pointer to the hydrator, by case number and record id; and its file:
    // a file pointer with the header's facts (the event's channel and date).
    const closed = status === 'Closed';
    const transcript = closed ? { transcript: transcriptPointer('EQ-000123', 'enq-1') } : {};
    const file = (channel: string) =>
      closed
        ? {
            transcriptFile: transcriptFilePointer({
              displayCaseNumber: 'EQ-000123',
              enquiryID: 'enq-1',
              channel,
              date: '2024-05-31T08:15:00.000Z',
            }),
          }
        : {};
    return {
      key,
      label: LABELS[key]!,
      group: 'enquiry',
      subscription: 'inquiry-event-sub',
      status,
      shapes: { openApi: ev.enquiryOpenApi(status), flat: ev.enquiryFlat(status) },
      expected: {
        openApi: {
          status,
          enquiryID: 'enq-1',
          displayCaseNumber: 'EQ-000123',
          type: '',
          channel: 'WHATSAPP',
          date: '2024-05-31T08:15:00.000Z',
          destination: 'dest-1',
          destinationTypes: 'STAFF',
          serviceId: 'svc-1',
          ...transcript,
          ...file('WHATSAPP'),
        },
        flat: {
          status,
          enquiryID: 'enq-1',
          displayCaseNumber: 'EQ-000123',
          type: 'Broadcast Chat',
          channel: 'CINNOX',
          date: '2024-05-31T08:15:00.000Z',
          destination: 'dest-1',
          destinationTypes: 'STAFF',
          serviceId: '',
          ...transcript,
          ...file('CINNOX'),
        },
      },
      foreign: others(ENQUIRY_STATUSES, status).flatMap((s) => [ev.enquiryOpenApi(s), ev.enquiryFlat(s)]),
      keys: [...ENQUIRY_KEYS, ...Object.keys(transcript), ...Object.keys(file(''))],
      listed: ENQUIRY_LISTED[status]!,
    };
  }),
  {
    key: 'sms_delivery_receipt',
    label: LABELS.sms_delivery_receipt!,
    group: 'sms',
    subscription: 'outbound-sms-event-sub',
    status: '',
    shapes: { openApi: ev.smsOpenApi('Delivered'), flat: ev.smsFlat('Undelivered') },
    expected: {
      openApi: {
        transactionId: 'sms-1',
        recipientNumber: '+85298765432',
        recipientCountry: 'HK',
        responseCode: '',
        status: 'Delivered',
        exception: '',
        serviceId: 'svc-1',
      },
      flat: {
        transactionId: 'sms-1',
        recipientNumber: '+85298765432',
        recipientCountry: 'HK',
        responseCode: '400',
        status: 'Undelivered',
        exception: 'sms send failed',
        serviceId: '',
      },
    },
    foreign: [],
    keys: SMS_KEYS,
    listed: 2,
  },
  ...Object.entries(LABEL_STATUSES).map(([key, status]): Case => {
    const colour = status === 'deleted' ? {} : { colorCode: '#1E88E5' };
    return {
      key,
      label: LABELS[key]!,
      group: 'label',
      subscription: 'label-event-sub',
      status,
      shapes: { openApi: ev.labelOpenApi(status), flat: ev.labelFlat(status) },
      expected: {
        openApi: { status, id: 'lbl-1', name: 'VIP', ...colour, serviceId: 'svc-1' },
        flat: { status, id: 'lbl-1', name: 'VIP', ...colour, serviceId: '' },
      },
      foreign: others(LABEL_STATUSES, status).flatMap((s) => [ev.labelOpenApi(s), ev.labelFlat(s)]),
      keys: [...LABEL_KEYS, ...(status === 'deleted' ? [] : ['colorCode'])],
      listed: status === 'deleted' ? 0 : 2,
    };
  }),
];

/** The per-event id key: labels keep the CINNOX Zapier guide's `id` for the label and use `eventId`. */
const eventIdKey = (c: Case) => (c.group === 'label' ? 'eventId' : 'id');

const perform = (c: Case, body: unknown) =>
  appTester(hookTrigger(c.key).operation.perform, bundleWith({}, { cleanedRequest: body } as never)) as Promise<
    Record<string, unknown>[]
  >;

/** Nock for the CINNOX list performList reads, answering `records`. */
function listScope(group: Group, records: unknown[]) {
  const scope = nock(BASE_URL);
  const window = (q: Record<string, unknown>, limit: string) =>
    q.offset === '0' &&
    q.limit === limit &&
    !Number.isNaN(Date.parse(String(q.startAt))) &&
    !Number.isNaN(Date.parse(String(q.endAt)));
  switch (group) {
    case 'contact':
      return scope
        .get(`${API_ROOT}/contacts/extcontact-list`)
        .query({ offset: '0', limit: '3' })
        .reply(200, { code: 0, result: records });
    case 'enquiry':
      // 20 read, to find 3 in the trigger's status.
      return scope
        .get(`${API_ROOT}/data/enquiry-detail`)
        .query((q) => window(q, '20'))
        .reply(200, { code: 0, result: records });
    case 'sms':
      return scope
        .get(`${API_ROOT}/data/sms-detail`)
        .query((q) => window(q, '3'))
        .reply(200, { code: 0, result: records });
    case 'label':
      return scope
        .get(`${API_ROOT}/labels`)
        .query({ offset: '0', limit: '3' })
        .reply(200, { code: 0, labelList: records });
  }
}
const RECORDS: Record<Group, unknown[]> = {
  contact: ev.contactRecords,
  enquiry: ev.enquiryRecords,
  sms: ev.smsRecords,
  label: ev.labelRecords,
};

it('registers all 13 instant triggers', () => {
  expect(cases.map((c) => c.key).sort()).toEqual(Object.keys(LABELS).sort());
  for (const c of cases) expect(hookTrigger(c.key).key).toBe(c.key);
});

describe.each(cases)('$key', (c) => {
  const trigger = hookTrigger(c.key);
  const op = trigger.operation;
  const keys = [...c.keys].sort();

  it('is a visible REST-hook trigger with its label, a "Triggers when" description and the one-Zap note', () => {
    expect(op.type).toBe('hook');
    expect(trigger.display.label).toBe(c.label);
    expect(trigger.display.hidden).toBeUndefined();
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
    // One short sentence an admin can act on; the details are in docs/operations.md.
    expect(trigger.display.description).toMatch(
      /^Triggers when [^.]+\. CINNOX sends .+ to one Zap per CINNOX Zapier account: for a second such Zap, add another CINNOX Zapier account\.$/,
    );
    expect(trigger.display.description.slice(trigger.display.description.indexOf('CINNOX sends')).length).toBeLessThan(
      240,
    );
  });

  it('labels every output field; the top-level output fields and the sample have exactly the listed keys', () => {
    for (const field of op.outputFields) expect(field.label).toEqual(expect.any(String));
    expect(new Set(op.outputFields.map((f) => f.key)).size).toBe(op.outputFields.length);
    const outputKeys = op.outputFields.map((f) => f.key);
    expect(outputKeys.filter((k) => !k.includes('__')).sort()).toEqual(keys);
    for (const key of [...Object.keys(op.sample), ...flatKeys(op.sample)]) expect(outputKeys).toContain(key);
    expect(keysOf(op.sample)).toEqual(keys);
  });

  it(`subscribes this Zap's URL to ${c.subscription}`, async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [] })
      .patch(`${API_ROOT}/${c.subscription}`, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL, updatedAt: '2024-05-31T08:15:00.000Z' });
    const data = await appTester(op.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }));
    expect(data).toEqual({ id: c.subscription, subscription: c.subscription, url: TARGET_URL });
    scope.done();
  });

  it(`unsubscribes this Zap's URL from ${c.subscription}`, async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [{ name: c.subscription, enabled: true, url: TARGET_URL }] })
      .patch(`${API_ROOT}/${c.subscription}`, { enabled: false, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL });
    const result = await appTester(
      op.performUnsubscribe,
      bundleWith({}, {
        targetUrl: TARGET_URL,
        subscribeData: { id: c.subscription, subscription: c.subscription, url: TARGET_URL },
      } as never),
    );
    expect(result).toEqual({ subscription: c.subscription, url: TARGET_URL, unsubscribed: true });
    scope.done();
  });

  it('refuses to subscribe over another Zap holding the subscription', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [{ name: c.subscription, enabled: true, url: OTHER_URL }] });
    await expect(appTester(op.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }))).rejects.toThrow(
      /another Zap already receives CINNOX/,
    );
    scope.done();
  });

  it.each(Object.keys(c.shapes))('turns the %s payload into one item with the spec keys', async (shape) => {
    const items = await perform(c, c.shapes[shape]);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    const id = item[eventIdKey(c)];
    expect(id).toEqual(expect.any(String));
    expect((id as string).length).toBeGreaterThan(0);
    const { [eventIdKey(c)]: _id, ...rest } = modelled(item);
    expect(rest).toEqual(c.expected[shape]);
    expect(keysOf(item)).toEqual(keys);
  });

  it('yields [] for the URL-verification challenge', async () => {
    await expect(perform(c, ev.challenge)).resolves.toEqual([]);
  });

  if (c.foreign.length > 0) {
    it('yields [] for other events of the same subscription', async () => {
      for (const body of c.foreign) await expect(perform(c, body)).resolves.toEqual([]);
      // and one delivery of several events keeps only this trigger's
      const mixed = await perform(c, [...c.foreign, c.shapes.openApi]);
      expect(mixed).toHaveLength(1);
    });
  }

  it('still yields an item, every key present and empty, when the payload lacks the documented fields', async () => {
    const bare =
      c.group === 'sms'
        ? { Type: 'tdr' }
        : c.group === 'contact'
          ? { type: 'message', message: { status: c.status } }
          : { status: c.status };
    const items = await perform(c, bare);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(keysOf(item)).toEqual(keys);
    expect(item[eventIdKey(c)]).toEqual(expect.any(String));
    for (const key of keys) {
      if (key === eventIdKey(c) || key === 'status') continue;
      expect([key, item[key]]).toEqual([key, '']);
    }
  });

  it('performList returns recent CINNOX records (of its status) with exactly the listed keys', async () => {
    if (c.listed === 0) {
      // No interceptor: a request would fail. A listed contact or label is not a merge, transfer or deletion.
      await expect(appTester(op.performList, bundleWith())).resolves.toEqual([op.sample]);
      return;
    }
    const scope = listScope(c.group, RECORDS[c.group]);
    const listed = (await appTester(op.performList, bundleWith())) as Record<string, unknown>[];
    scope.done();
    expect(listed).toHaveLength(c.listed);
    for (const item of listed) expect(keysOf(item)).toEqual(keys);
    const ids = listed.map((item) => item[eventIdKey(c)]);
    expect(new Set(ids).size).toBe(ids.length);
    if (c.status) for (const item of listed) expect(item.status).toBe(c.status);
  });

  it('performList falls back to the sample when CINNOX lists nothing', async () => {
    if (c.listed === 0) return; // covered above: it reads nothing
    const scope = listScope(c.group, []);
    await expect(appTester(op.performList, bundleWith())).resolves.toEqual([op.sample]);
    scope.done();
  });
});
