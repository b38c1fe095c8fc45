/**
 * Keys CINNOX adds to a delivery reach the Zap: perform passes every key the trigger does not output under the
 * same name through, flattened under `delivery__` (src/hooks/factory.ts), beside the modelled keys, which stay
 * as they are. performList (Test Trigger) keeps the modelled keys only.
 */
import * as ev from '../fixtures/hook-events';
import { appTester, bundleWith } from '../helpers/app';
import { hookTrigger } from '../helpers/hooks';

const perform = async (key: string, body: unknown) =>
  (await appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never))) as Record<
    string,
    unknown
  >[];

describe('keys the app does not model', () => {
  it('reach the item flattened under delivery__, nested objects included, the modelled keys unchanged', async () => {
    const body = ev.contactOpenApi('create', { loyaltyTier: 'Gold', crm: { id: 'sf-9', owner: { name: 'Ben' } } });
    const [item] = await perform('contact_created', body);
    expect(item).toMatchObject({
      contactId: 'c-100',
      name: 'Ann Lee',
      status: 'create',
      delivery__loyaltyTier: 'Gold',
      delivery__crm__id: 'sf-9',
      delivery__crm__owner__name: 'Ben',
    });
    // A modelled key (status, serviceId) is not repeated under delivery__.
    expect(Object.keys(item!).filter((k) => /^delivery__(status|serviceId)$/.test(k))).toEqual([]);
  });

  it('come from the event itself (the Open API envelope lifted), for every trigger group', async () => {
    const [enquiry] = await perform('enquiry_closed', { ...ev.enquiryOpenApi('Closed'), surveyScore: 5 });
    expect(enquiry).toMatchObject({ status: 'Closed', delivery__surveyScore: 5, delivery__socialId: '85298765432' });
    const [label] = await perform('label_created', {
      ...ev.labelOpenApi('create'),
      message: { ...(ev.labelOpenApi('create') as { message: object }).message, usage: 'enquiry' },
    });
    expect(label).toMatchObject({ delivery__usage: 'enquiry' });
  });
});

describe('keys are read exactly as CINNOX spells them', () => {
  it("reads each documented spelling (the guide's camelCase, §1.10's PascalCase, the guide's 'destination Types')", async () => {
    const [receipt] = await perform('sms_delivery_receipt', ev.smsOpenApi('Delivered'));
    expect(receipt).toMatchObject({ transactionId: 'sms-1', recipientNumber: '+85298765432', status: 'Delivered' });
    const [enquiry] = await perform('enquiry_closed', ev.enquiryFlat('Closed'));
    expect(enquiry).toMatchObject({ destinationTypes: 'STAFF' });
  });

  it('a spelling no reader names is not taken for a modelled key: it reaches the Zap under delivery__', async () => {
    const { destinationTypes: _documented, ...rest } = ev.enquiryOpenApi('Closed');
    const [enquiry] = await perform('enquiry_closed', { ...rest, DestinationTypes: 'PHONE' });
    expect(enquiry).toMatchObject({ destinationTypes: '', delivery__DestinationTypes: 'PHONE' });
  });
});
