import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, APP_TOKEN, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  createOutcomes,
  notSuccessCode,
  refusedParameters,
  unconfirmedWrite,
  writeNotFound,
  type OutcomeRow,
  type Seen,
} from '../helpers/outcomes';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const add = App.creates!.add_enquiry_labels!;
const remove = App.creates!.remove_enquiry_labels!;
const runAdd = (inputData: Record<string, unknown>) =>
  appTester(add.operation.perform as Perform, bundleWith(inputData));
const runRemove = (inputData: Record<string, unknown>) =>
  appTester(remove.operation.perform as Perform, bundleWith(inputData));
// A25: the path takes the Enquiry Details record id (the enquiry triggers' Enquiry Record ID).
const PATH = `${API_ROOT}/inquiries/66b0a1/labels`;
const input = { enquiry_id: '66b0a1', label_ids: ['L1', 'L2'] };

describe.each([
  ['add_enquiry_labels', add, runAdd],
  ['remove_enquiry_labels', remove, runRemove],
] as const)('%s', (_key, op, run) => {
  it('declares Enquiry Record ID and a multi-select Labels drop-down offering Find Label', () => {
    const fields = op.operation.inputFields as {
      key: string;
      label: string;
      required: boolean;
      list?: boolean;
      dynamic?: string;
      search?: string;
      helpText: string;
    }[];
    expect(fields.map((f) => [f.key, f.label, f.required])).toEqual([
      ['enquiry_id', 'Enquiry Record ID', true],
      ['label_ids', 'Labels', true],
    ]);
    expect(fields[0]!.helpText).toContain('map Enquiry Record ID from an enquiry trigger');
    expect(fields[1]).toMatchObject({ list: true, dynamic: 'label_list.id.name', search: 'find_label.id' });
  });

  it('refuses no labels chosen, naming the field, before any request', async () => {
    for (const label_ids of [undefined, [], ['', ' ']]) {
      const error = await failure(() => run({ enquiry_id: 'e1', label_ids }));
      expect(error.code).toBe('InvalidInput');
      expect(error.message).toBe('Nothing was sent to CINNOX. Labels is required.');
    }
    const error = await failure(() => run({ label_ids: ['L1'] }));
    expect(error.message).toBe('Nothing was sent to CINNOX. Enquiry Record ID is required.');
  });

  it.each(['.', '..', ' .. '])('refuses the Enquiry Record ID %p, naming the field, before any request', async (id) => {
    const error = await failure(() => run({ enquiry_id: id, label_ids: ['L1'] }));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. Enquiry Record ID "${id.trim()}" is not a CINNOX ID: "." and ".." are not IDs. Map Enquiry Record ID from an enquiry trigger or Find Enquiry.`,
    );
  });

  it('on a 5xx: Add (a POST) is not retried, Remove (a DELETE) is', async () => {
    const method = op === add ? 'post' : 'delete';
    const scope = nock(BASE_URL)[method](PATH).reply(503, { message: 'down' });
    const error = await failure(() => run(input));
    scope.done();
    if (op === add) {
      expect(error.code).toBe('CinnoxServerError');
      expect(error.message).toBe(
        'CINNOX had a problem answering this request (HTTP 503: down). It may or may not have been carried out, so Zapier does not repeat it on its own: check CINNOX (was the SMS sent, the contact created, the message posted?) before replaying this step.',
      );
    } else {
      expect(error.name).toBe('ThrottledError');
      expect(error.message).toMatch(
        /^CINNOX had a problem answering this request \(HTTP 503: down\)\. Zapier will retry in 3\d seconds; if it keeps failing, check CINNOX's status\.$/,
      );
    }
  });

  it('maps an unknown enquiry (6451000 invalid enquiryID) with its code and reason', async () => {
    const method = op === add ? 'post' : 'delete';
    const scope = nock(BASE_URL)[method](PATH).reply(400, { code: 6451000, message: 'invalid enquiryID' });
    const error = await failure(() => run(input));
    scope.done();
    expect(error.message).toBe(
      "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid enquiryID) In this step's fields: enquiryID is Enquiry Record ID.",
    );
  });

  it.each([
    ['invalid labelIds', 'labelIds is Labels'],
    ['inquiryID not found', 'inquiryID is Enquiry Record ID'],
  ])('names the Zapier field of a refused parameter (6451000: %s)', async (message, named) => {
    const method = op === add ? 'post' : 'delete';
    const scope = nock(BASE_URL)[method](PATH).reply(400, { code: 6451000, message });
    const error = await failure(() => run(input));
    scope.done();
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: ${message}) In this step's fields: ${named}.`,
    );
  });
});

describe('add_enquiry_labels', () => {
  it('POSTs /inquiries/{record id}/labels with labelIds (duplicates once) and outputs the applied labels', async () => {
    const scope = nock(BASE_URL)
      .post(PATH, { labelIds: ['L1', 'L2'] })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, { code: 0, notExistLabelIds: null, labelIds: ['L0', 'L1', 'L2'], updatedAt: '2026-11-22T08:30:00Z' });
    const result = await runAdd({ ...input, label_ids: ['L1', 'L2', 'L1'] });
    scope.done();
    expect(result).toEqual({
      enquiry_id: '66b0a1',
      label_ids: ['L1', 'L2'],
      enquiry_label_ids: ['L0', 'L1', 'L2'],
      updated_at: '2026-11-22T08:30:00.000Z',
    });
  });

  it('fails naming the label ids CINNOX reports in notExistLabelIds, and says which were added', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(200, { code: 0, notExistLabelIds: ['L2'], labelIds: ['L1'], updatedAt: '2026-11-22T08:30:00Z' });
    const error = await failure(() => runAdd(input));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotFound');
    expect(error.message).toBe(
      'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not added to enquiry 66b0a1; L1 was added. Pick the Labels from the drop-down, or map IDs from Find Label.',
    );
  });
  it('reads the answer under result (as Send OTP SMS does) and succeeds when every label is applied', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(200, {
        code: 0,
        result: { notExistLabelIds: null, labelIds: ['L1', 'L2'], updatedAt: '2026-11-22T08:30:00Z' },
      });
    const result = await runAdd(input);
    scope.done();
    expect(result).toEqual({
      enquiry_id: '66b0a1',
      label_ids: ['L1', 'L2'],
      enquiry_label_ids: ['L1', 'L2'],
      updated_at: '2026-11-22T08:30:00.000Z',
    });
  });

  it('fails naming the label ids CINNOX reports in notExistLabelIds under result', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(200, { code: 0, result: { notExistLabelIds: ['typo'], labelIds: null } });
    const error = await failure(() => runAdd({ ...input, label_ids: ['typo'] }));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotFound');
    expect(error.message).toBe(
      'CINNOX has no label with the ID typo (notExistLabelIds), so it was not added to enquiry 66b0a1. Pick the Labels from the drop-down, or map IDs from Find Label.',
    );
  });

  it('fails when CINNOX answers labelIds null (none applied), naming every requested label', async () => {
    const scope = nock(BASE_URL).post(PATH).reply(200, { code: 0, notExistLabelIds: null, labelIds: null });
    const error = await failure(() => runAdd(input));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotAdded');
    expect(error.message).toBe(
      'CINNOX did not confirm that the labels L1, L2 were added to enquiry 66b0a1: they are not among the labels it answers as applied (none). Check the Enquiry Record ID and the labels in CINNOX before replaying this step.',
    );
  });

  it('fails naming a requested label missing from the applied labelIds', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(200, { code: 0, notExistLabelIds: null, labelIds: ['L0', 'L1'] });
    const error = await failure(() => runAdd(input));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotAdded');
    expect(error.message).toBe(
      'CINNOX did not confirm that the label L2 was added to enquiry 66b0a1: it is not among the labels it answers as applied (L0, L1). Check the Enquiry Record ID and the labels in CINNOX before replaying this step.',
    );
  });

  it('names, with an unknown label, a label CINNOX neither knows nor answers as applied', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(200, { code: 0, notExistLabelIds: ['L2'], labelIds: ['L1'] });
    const error = await failure(() => runAdd({ ...input, label_ids: ['L1', 'L2', 'L3'] }));
    scope.done();
    expect(error.message).toBe(
      'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not added to enquiry 66b0a1; L1 was added; L3 was not among the labels CINNOX answers as applied. Pick the Labels from the drop-down, or map IDs from Find Label.',
    );
  });
});

describe('remove_enquiry_labels', () => {
  it('DELETEs /inquiries/{record id}/labels with labelIds and succeeds when none of them remains', async () => {
    const scope = nock(BASE_URL)
      .delete(PATH, { labelIds: ['L1', 'L2'] })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, { code: 0, notExistLabelIds: null, labelIds: ['L9'], updatedAt: '2026-11-22T08:30:00Z' });
    const result = await runRemove(input);
    scope.done();
    expect(result).toEqual({
      enquiry_id: '66b0a1',
      label_ids: ['L1', 'L2'],
      enquiry_label_ids: ['L9'],
      updated_at: '2026-11-22T08:30:00.000Z',
    });
  });

  it('succeeds when no labels remain (labelIds null)', async () => {
    const scope = nock(BASE_URL).delete(PATH).reply(200, { code: 0, notExistLabelIds: null, labelIds: null });
    const result = await runRemove(input);
    scope.done();
    expect(result.enquiry_label_ids).toEqual([]);
  });

  it('fails naming the removed labels that remain', async () => {
    const scope = nock(BASE_URL)
      .delete(PATH)
      .reply(200, { code: 0, notExistLabelIds: null, labelIds: ['L2', 'L9'] });
    const error = await failure(() => runRemove(input));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotRemoved');
    expect(error.message).toBe(
      'CINNOX did not remove the label L2 from enquiry 66b0a1: it is still among the labels it reports on the enquiry (L2, L9). Check the Enquiry Record ID and the labels in CINNOX, then replay this step.',
    );
  });

  it('fails naming the label ids CINNOX reports in notExistLabelIds, and says which were removed', async () => {
    const scope = nock(BASE_URL)
      .delete(PATH)
      .reply(200, { code: 0, notExistLabelIds: ['L2'], labelIds: null });
    const error = await failure(() => runRemove(input));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotFound');
    expect(error.message).toBe(
      'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not removed from enquiry 66b0a1; L1 was removed. Pick the Labels from the drop-down, or map IDs from Find Label.',
    );
  });

  it('reads the answer under result: a removed label that remains fails the step', async () => {
    const scope = nock(BASE_URL)
      .delete(PATH)
      .reply(200, { code: 0, result: { notExistLabelIds: null, labelIds: ['L1'] } });
    const error = await failure(() => runRemove(input));
    scope.done();
    expect(error.code).toBe('CinnoxLabelNotRemoved');
    expect(error.message).toBe(
      'CINNOX did not remove the label L1 from enquiry 66b0a1: it is still among the labels it reports on the enquiry (L1). Check the Enquiry Record ID and the labels in CINNOX, then replay this step.',
    );
  });
});

describe('add_enquiry_labels and remove_enquiry_labels outcomes: each answer CINNOX can give the labels request', () => {
  const LABELS = '/inquiries/e-1/labels';
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
  const notAdded = (ids: string, listed: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxLabelNotAdded',
    message: `CINNOX did not confirm that the label${ids.includes(',') ? 's' : ''} ${ids} added to enquiry e-1: ${ids.includes(',') ? 'they are' : 'it is'} not among the labels it answers as applied (${listed}). Check the Enquiry Record ID and the labels in CINNOX before replaying this step.`,
  });
  const sharedRows = (method: 'POST' | 'DELETE'): OutcomeRow[] => [
    notSuccessCode(1, 'failed'),
    [
      '6451000 invalid enquiryID',
      { status: 400, body: { code: 6451000, message: 'invalid enquiryID' } },
      refusedParameters('invalid enquiryID', 'enquiryID is Enquiry Record ID'),
    ],
    [
      '6451000 invalid labelIds',
      { status: 400, body: { code: 6451000, message: 'invalid labelIds' } },
      refusedParameters('invalid labelIds', 'labelIds is Labels'),
    ],
    [
      '6451011 No records found',
      { status: 400, body: { code: 6451011, message: 'No records found' } },
      NOT_FOUND_6451011,
    ],
    writeNotFound({ method, path: LABELS }, enquiryNotFound),
    [
      'no answer: the connection reset after CINNOX read the request',
      { socket: 'reset' },
      unconfirmedWrite({ method, path: LABELS }, 'reset', "the enquiry's labels in CINNOX"),
    ],
  ];

  const ADD: OutcomeRow[] = [
    [
      'code 0, every label applied',
      { status: 200, body: { code: 0, notExistLabelIds: null, labelIds: ['L0', 'L1', 'L2'], updatedAt: AT } },
      output(['L0', 'L1', 'L2']),
    ],
    [
      'code 0, every label applied, under result',
      { status: 200, body: { code: 0, result: { notExistLabelIds: null, labelIds: ['L1', 'L2'], updatedAt: AT } } },
      output(['L1', 'L2']),
    ],
    [
      'code 0, labelIds null (none applied)',
      { status: 200, body: { code: 0, notExistLabelIds: null, labelIds: null, updatedAt: AT } },
      notAdded('L1, L2 were', 'none'),
    ],
    ['code 0 and nothing else', { status: 200, body: { code: 0 } }, notAdded('L1, L2 were', 'none')],
    [
      'code 0, one of the two applied',
      { status: 200, body: { code: 0, notExistLabelIds: null, labelIds: ['L1'], updatedAt: AT } },
      notAdded('L2 was', 'L1'),
    ],
    [
      'code 0, one label does not exist',
      { status: 200, body: { code: 0, notExistLabelIds: ['L2'], labelIds: ['L1'], updatedAt: AT } },
      {
        error: 'AppError',
        code: 'CinnoxLabelNotFound',
        message:
          'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not added to enquiry e-1; L1 was added. Pick the Labels from the drop-down, or map IDs from Find Label.',
      },
    ],
    ...sharedRows('POST'),
  ];

  describe('add_enquiry_labels', () => {
    createOutcomes(
      'add_enquiry_labels',
      input,
      { method: 'POST', path: LABELS, body: { labelIds: ['L1', 'L2'] } },
      ADD,
    );
  });

  const REMOVE: OutcomeRow[] = [
    [
      'code 0, another label remains',
      { status: 200, body: { code: 0, notExistLabelIds: null, labelIds: ['L0'], updatedAt: AT } },
      output(['L0']),
    ],
    // A27: labelIds null is none remaining; an answer without it says none remain too.
    [
      'code 0, labelIds null (none remain)',
      { status: 200, body: { code: 0, notExistLabelIds: null, labelIds: null, updatedAt: AT } },
      output([]),
    ],
    [
      'code 0 and nothing else',
      { status: 200, body: { code: 0 } },
      { output: { enquiry_id: 'e-1', label_ids: ['L1', 'L2'], enquiry_label_ids: [], updated_at: null } },
    ],
    [
      'code 0, a removed label still remains',
      { status: 200, body: { code: 0, notExistLabelIds: null, labelIds: ['L0', 'L2'], updatedAt: AT } },
      {
        error: 'AppError',
        code: 'CinnoxLabelNotRemoved',
        message:
          'CINNOX did not remove the label L2 from enquiry e-1: it is still among the labels it reports on the enquiry (L0, L2). Check the Enquiry Record ID and the labels in CINNOX, then replay this step.',
      },
    ],
    [
      'code 0, one label does not exist',
      { status: 200, body: { code: 0, notExistLabelIds: ['L2'], labelIds: null, updatedAt: AT } },
      {
        error: 'AppError',
        code: 'CinnoxLabelNotFound',
        message:
          'CINNOX has no label with the ID L2 (notExistLabelIds), so it was not removed from enquiry e-1; L1 was removed. Pick the Labels from the drop-down, or map IDs from Find Label.',
      },
    ],
    ...sharedRows('DELETE'),
  ];

  describe('remove_enquiry_labels', () => {
    createOutcomes(
      'remove_enquiry_labels',
      input,
      { method: 'DELETE', path: LABELS, body: { labelIds: ['L1', 'L2'] } },
      REMOVE,
    );
  });
});
