/**
 * One URL per subscription: CINNOX keeps a single webhook URL per subscription name per App ID.
 * Both paths: the Event Hook List readable (A13), and not (404 / 6450001).
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { OTHER_URL, TARGET_URL, hookTrigger } from '../helpers/hooks';

const HOOKS = `${API_ROOT}/event-hooks`;
const CONTACT_SUB = `${API_ROOT}/contact-event-sub`;
const subscribe = hookTrigger('contact_edited').operation.performSubscribe;
const unsubscribe = hookTrigger('contact_deleted').operation.performUnsubscribe;
const subscribeBundle = () => bundleWith({}, { targetUrl: TARGET_URL });
const unsubscribeBundle = (subscribeData?: object) =>
  bundleWith({}, { targetUrl: TARGET_URL, ...(subscribeData ? { subscribeData } : {}) } as never);
const ours = { id: 'contact-event-sub', subscription: 'contact-event-sub', url: TARGET_URL };

const TAKEN =
  'This Zap was not turned on: another Zap already receives CINNOX external contact events (created, edited, merged, ownership transferred, deleted) through this CINNOX connection. ' +
  'CINNOX sends the "contact-event-sub" events of one CINNOX Zapier account to a single URL, so this Zap would take them over and the other Zap would silently stop. ' +
  'Each CINNOX Zapier account (up to 10) serves one Zap per event group: add another Zapier account in the CINNOX Dashboard ' +
  '(Administration > Service Integration > Third Party Integration > Zapier > Add Zapier Account), connect it in Zapier, and choose that connection in this Zap. Or turn the other Zap off first. ' +
  'If no Zap of yours receives these events any more (a Zap deleted while CINNOX kept its URL), set Take Over the Subscription to Yes in this trigger and turn this Zap on again: it takes the subscription over.';

/** Requests nock could not match (network is disabled, so each would also fail the call). */
let unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
beforeEach(() => {
  unmatched = [];
  nock.emitter.on('no match', onNoMatch);
});
afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch);
});

describe('performSubscribe where the Event Hook List can be read', () => {
  it('refuses when another Zap holds the subscription, naming the fix, and sends no PATCH', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, {
        code: 0,
        result: [{ name: 'contact-event-sub', enabled: true, url: OTHER_URL, updatedAt: '2024-05-31T08:15:00.000Z' }],
      });
    const error = await failure(() => appTester(subscribe, subscribeBundle()));
    expect(error).toMatchObject({ name: 'AppError', code: 'CinnoxSubscriptionTaken', message: TAKEN });
    expect(error.message).not.toContain(OTHER_URL);
    scope.done();
    expect(unmatched).toEqual([]);
  });

  it('re-subscribes the same URL', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, { code: 0, result: [{ name: 'contact-event-sub', enabled: true, url: TARGET_URL }] })
      .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL });
    await expect(appTester(subscribe, subscribeBundle())).resolves.toEqual(ours);
    scope.done();
  });

  it.each([
    ['a disabled subscription with another URL', [{ name: 'contact-event-sub', enabled: false, url: OTHER_URL }]],
    [
      'other subscriptions with other URLs',
      [
        { name: 'label-event-sub', enabled: true, url: OTHER_URL },
        { name: 'external-contact-event-sub', enabled: true, url: OTHER_URL },
      ],
    ],
    ['an empty list (bare array envelope)', []],
  ])('subscribes over %s', async (_what, hooks) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, hooks)
      .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL });
    await expect(appTester(subscribe, subscribeBundle())).resolves.toEqual(ours);
    scope.done();
  });

  it('matches the list entry without its -event-sub suffix', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, { code: 0, result: [{ name: 'Contact', enabled: true, url: OTHER_URL }] });
    const error = await failure(() => appTester(subscribe, subscribeBundle()));
    expect(error.code).toBe('CinnoxSubscriptionTaken');
    scope.done();
  });
});

describe('stored URLs compared as URLs', () => {
  const ourUrl = 'https://hooks.zapier.com/hooks/standard/1/abc/';
  it.each([
    ['the same URL', ourUrl, 'ours'],
    ['the host in upper case', 'https://HOOKS.ZAPIER.COM/hooks/standard/1/abc/', 'ours'],
    ['the scheme in upper case', 'HTTPS://hooks.zapier.com/hooks/standard/1/abc/', 'ours'],
    ['no trailing slash', 'https://hooks.zapier.com/hooks/standard/1/abc', 'ours'],
    ['the default port written out', 'https://hooks.zapier.com:443/hooks/standard/1/abc/', 'ours'],
    ['spaces around it', `  ${ourUrl} `, 'ours'],
    ['another path', 'https://hooks.zapier.com/hooks/standard/2/xyz/', 'other'],
    ['the path in another case', 'https://hooks.zapier.com/hooks/standard/1/ABC/', 'other'],
    ['another scheme', 'http://hooks.zapier.com/hooks/standard/1/abc/', 'other'],
    ['a query', 'https://hooks.zapier.com/hooks/standard/1/abc/?zap=2', 'other'],
  ])('CINNOX storing %s: subscribe and unsubscribe treat it as %s', async (_what, stored, whose) => {
    const listed = { code: 0, result: [{ name: 'contact-event-sub', enabled: true, url: stored }] };
    if (whose === 'ours') {
      const scope = nock(BASE_URL)
        .get(HOOKS)
        .reply(200, listed)
        .patch(CONTACT_SUB, { enabled: true, url: ourUrl })
        .reply(200, { enabled: true, url: ourUrl })
        .get(HOOKS)
        .reply(200, listed)
        .patch(CONTACT_SUB, { enabled: false, url: ourUrl })
        .reply(200, { enabled: false, url: ourUrl });
      await expect(appTester(subscribe, subscribeBundle())).resolves.toEqual(ours);
      await expect(appTester(unsubscribe, unsubscribeBundle(ours))).resolves.toMatchObject({ unsubscribed: true });
      scope.done();
    } else {
      const scope = nock(BASE_URL).get(HOOKS).reply(200, listed).get(HOOKS).reply(200, listed);
      expect(await failure(() => appTester(subscribe, subscribeBundle()))).toMatchObject({
        code: 'CinnoxSubscriptionTaken',
        message: TAKEN,
      });
      await expect(appTester(unsubscribe, unsubscribeBundle(ours))).resolves.toMatchObject({ unsubscribed: false });
      scope.done();
    }
    expect(unmatched).toEqual([]);
  });
});

describe('Take Over the Subscription', () => {
  const takenBy = (url: string) => ({ code: 0, result: [{ name: 'contact-event-sub', enabled: true, url }] });
  const takeOver = (value: unknown) => bundleWith({ take_over_subscription: value }, { targetUrl: TARGET_URL });

  it('is an input of every instant trigger, off by default, saying what happens to the other Zap', () => {
    const fields = hookTrigger('contact_edited').operation as unknown as { inputFields: Record<string, unknown>[] };
    expect(fields.inputFields).toEqual([
      {
        key: 'take_over_subscription',
        label: 'Take Over the Subscription',
        type: 'boolean',
        required: false,
        default: 'false',
        helpText:
          "No (the default): when CINNOX already sends this CINNOX Zapier account's external contact events (created, edited, merged, ownership transferred, deleted) to another URL, this Zap is not turned on. " +
          'Yes: turning this Zap on takes that subscription over; the other Zap stays on but stops receiving these events (choose Yes when that URL belongs to a Zap that was deleted, or one you no longer want to receive them).',
      },
    ]);
  });

  it.each([['true'], ['yes'], [true]])(
    'with %p, replaces the other URL, and says whose in the subscribe result and the log',
    async (value) => {
      jest.mocked(console.log).mockClear();
      const scope = nock(BASE_URL)
        .get(HOOKS)
        .reply(200, takenBy(OTHER_URL))
        .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
        .reply(200, { enabled: true, url: TARGET_URL });
      await expect(appTester(subscribe, takeOver(value))).resolves.toEqual({ ...ours, replaced: OTHER_URL });
      scope.done();
      expect(jest.mocked(console.log).mock.calls.flat().join('\n')).toContain(
        `CINNOX: Take Over the Subscription is Yes: the "contact-event-sub" subscription pointed at ${OTHER_URL}; this Zap's URL replaces it, so that URL no longer receives these events.`,
      );
    },
  );

  it.each([['false'], ['no'], [false], ['']])('with %p, refuses as without it', async (value) => {
    const scope = nock(BASE_URL).get(HOOKS).reply(200, takenBy(OTHER_URL));
    expect(await failure(() => appTester(subscribe, takeOver(value)))).toMatchObject({
      code: 'CinnoxSubscriptionTaken',
      message: TAKEN,
    });
    scope.done();
    expect(unmatched).toEqual([]);
  });

  it('replaces nothing (and says nothing of it) where no other URL holds the subscription', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, takenBy(TARGET_URL))
      .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL });
    await expect(appTester(subscribe, takeOver('true'))).resolves.toEqual(ours);
    scope.done();
  });

  it('refuses a value that is not yes or no before any request', async () => {
    expect(await failure(() => appTester(subscribe, takeOver('maybe')))).toMatchObject({
      code: 'InvalidInput',
      message: 'Nothing was sent to CINNOX. Take Over the Subscription must be yes or no; got "maybe".',
    });
    expect(unmatched).toEqual([]);
  });

  it('the Zap taken over from, turned off later, leaves the new URL enabled', async () => {
    const replacedZap = { id: 'contact-event-sub', subscription: 'contact-event-sub', url: OTHER_URL };
    const scope = nock(BASE_URL).get(HOOKS).reply(200, takenBy(TARGET_URL));
    await expect(
      appTester(unsubscribe, bundleWith({}, { targetUrl: OTHER_URL, subscribeData: replacedZap } as never)),
    ).resolves.toEqual({ subscription: 'contact-event-sub', url: OTHER_URL, unsubscribed: false });
    scope.done();
    expect(unmatched).toEqual([]);
  });
});

describe('performSubscribe where the Event Hook List cannot be read', () => {
  it.each([
    ['HTTP 404', 404, { code: 404, message: 'not found' }],
    ['6450001 method not found', 400, { code: 6450001, message: 'method not found, method: GET url: /event-hooks' }],
  ])('proceeds to subscribe on %s', async (_what, status, body) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(status, body)
      .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL });
    await expect(appTester(subscribe, subscribeBundle())).resolves.toEqual(ours);
    scope.done();
  });

  it('still stops on an auth error from the list', async () => {
    const scope = nock(BASE_URL).get(HOOKS).reply(400, { code: 6452000, message: 'Invalid token' });
    const error = await failure(() => appTester(subscribe, subscribeBundle()));
    expect(error.name).toBe('ExpiredAuthError');
    scope.done();
    expect(unmatched).toEqual([]);
  });
});

describe('CINNOX answering enabled: false', () => {
  it('fails the subscription, naming the URL verification', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, {})
      .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL, updatedAt: '2024-05-31T08:15:00.000Z' });
    const error = await failure(() => appTester(subscribe, subscribeBundle()));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'CinnoxSubscriptionRefused',
      message:
        'CINNOX did not turn on the "contact-event-sub" subscription for this Zap: it answered enabled: false. ' +
        'When subscribing, CINNOX sends a verification POST to the Zap\'s webhook URL and expects it to answer {"code": …, "result": {"challenge": …}} (echoing the challenge); ' +
        "Zapier's webhook URLs answer every POST with Zapier's own reply and cannot echo it, so the verification failed. Nothing was subscribed. " +
        'Ask CINNOX support to accept a 2xx answer without the challenge echo for the "contact-event-sub" subscription of this App ID (Administration > Service Integration > Third Party Integration > Zapier), then turn the Zap on again.',
    });
    scope.done();
  });

  it('refuses an answer without `enabled` (only a clear enabled: true turns the Zap on)', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, {})
      .patch(CONTACT_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { code: 0 });
    const error = await failure(() => appTester(subscribe, subscribeBundle()));
    expect(error.code).toBe('CinnoxSubscriptionUnconfirmed');
    expect(error.message).toContain('its answer did not say enabled: true (it said nothing about enabled)');
    scope.done();
  });
});

describe('performUnsubscribe', () => {
  it('leaves the subscription alone when another URL now holds it (no PATCH, no failure)', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, { code: 0, result: [{ name: 'contact-event-sub', enabled: true, url: OTHER_URL }] });
    await expect(appTester(unsubscribe, unsubscribeBundle(ours))).resolves.toEqual({
      subscription: 'contact-event-sub',
      url: TARGET_URL,
      unsubscribed: false,
    });
    scope.done();
    expect(unmatched).toEqual([]);
  });

  it.each([
    ['its URL is this Zap’s', [{ name: 'contact-event-sub', enabled: true, url: TARGET_URL }]],
    ['the list does not name it', [{ name: 'label-event-sub', enabled: true, url: OTHER_URL }]],
  ])('disables the subscription when %s', async (_what, hooks) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, { code: 0, result: hooks })
      .patch(CONTACT_SUB, { enabled: false, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL });
    await expect(appTester(unsubscribe, unsubscribeBundle(ours))).resolves.toEqual({
      subscription: 'contact-event-sub',
      url: TARGET_URL,
      unsubscribed: true,
    });
    scope.done();
  });

  it.each([
    ['HTTP 404', 404, {}],
    ['6450001', 400, { code: 6450001, message: 'method not found' }],
  ])('sends the disable PATCH when the list cannot be read (%s)', async (_what, status, body) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(status, body)
      .patch(CONTACT_SUB, { enabled: false, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL });
    await expect(appTester(unsubscribe, unsubscribeBundle(ours))).resolves.toEqual({
      subscription: 'contact-event-sub',
      url: TARGET_URL,
      unsubscribed: true,
    });
    scope.done();
  });

  it('uses the subscription and URL recorded at subscribe time over the current ones', async () => {
    const recorded = { id: 'inquiry-event-sub', subscription: 'inquiry-event-sub', url: OTHER_URL };
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, {})
      .patch(`${API_ROOT}/inquiry-event-sub`, { enabled: false, url: OTHER_URL })
      .reply(200, { enabled: false, url: OTHER_URL });
    await expect(appTester(unsubscribe, unsubscribeBundle(recorded))).resolves.toEqual({
      subscription: 'inquiry-event-sub',
      url: OTHER_URL,
      unsubscribed: true,
    });
    scope.done();
  });

  it("falls back to the trigger's subscription and Zapier's target URL without subscribeData", async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, {})
      .patch(CONTACT_SUB, { enabled: false, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL });
    await expect(appTester(unsubscribe, unsubscribeBundle())).resolves.toEqual({
      subscription: 'contact-event-sub',
      url: TARGET_URL,
      unsubscribed: true,
    });
    scope.done();
  });

  it('treats "No records found" on the PATCH as already unsubscribed', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, {})
      .patch(CONTACT_SUB, { enabled: false, url: TARGET_URL })
      .reply(400, { code: 6451011, message: 'No records found' });
    await expect(appTester(unsubscribe, unsubscribeBundle(ours))).resolves.toEqual({
      subscription: 'contact-event-sub',
      url: TARGET_URL,
      unsubscribed: true,
    });
    scope.done();
  });

  it('surfaces other PATCH failures', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, {})
      .patch(CONTACT_SUB, { enabled: false, url: TARGET_URL })
      .reply(400, { code: 6451000, message: 'Bad query' });
    const error = await failure(() => appTester(unsubscribe, unsubscribeBundle(ours)));
    expect(error.code).toBe('CinnoxInvalidParameters');
    scope.done();
  });
});
