/**
 * At the edges of an unconfirmed CINNOX, triggers: a Zap is "on" only when CINNOX clearly said so, the advisory Event Hook List never
 * blocks a subscription that would work, turning a Zap off survives a plain 404, and no payload crashes perform.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { OTHER_URL, TARGET_URL, hookTrigger } from '../helpers/hooks';
import { watchUnmatched } from '../helpers/ops';

const unmatched = watchUnmatched();
const HOOKS = `${API_ROOT}/event-hooks`;
const LABEL_SUB = `${API_ROOT}/label-event-sub`;
const subscribe = () =>
  appTester(hookTrigger('label_created').operation.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }));
const ours = { id: 'label-event-sub', subscription: 'label-event-sub', url: TARGET_URL };
const unsubscribe = () =>
  appTester(
    hookTrigger('label_edited').operation.performUnsubscribe,
    bundleWith({}, { targetUrl: TARGET_URL, subscribeData: ours } as never),
  );

describe('enabled is read as a boolean, a word in any case, or 0/1', () => {
  it.each([true, 'true', 'True', 'TRUE', 1, '1'])('subscribes on enabled: %p', async (enabled) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, '')
      .patch(LABEL_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { code: 0, enabled, url: TARGET_URL });
    await expect(subscribe()).resolves.toEqual(ours);
    scope.done();
  });

  it.each([false, 'false', 'False', 0, '0'])(
    'refuses enabled: %p with the verification cause (A14)',
    async (enabled) => {
      const scope = nock(BASE_URL)
        .get(HOOKS)
        .reply(404, '')
        .patch(LABEL_SUB)
        .reply(200, { code: 0, enabled, url: TARGET_URL });
      const error = await failure(() => subscribe());
      scope.done();
      expect(error).toMatchObject({ code: 'CinnoxSubscriptionRefused' });
      expect(error.message).toMatch(
        /^CINNOX did not turn on the "label-event-sub" subscription for this Zap: it answered enabled: /,
      );
      expect(error.message).toContain('{"code": …, "result": {"challenge": …}}');
    },
  );

  it.each([
    ['absent', {}],
    ['"yes"', { enabled: 'yes' }],
    ['null', { enabled: null }],
    ['2', { enabled: 2 }],
  ])('refuses an answer whose enabled is %s (not clearly on)', async (_what, extra) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, '')
      .patch(LABEL_SUB)
      .reply(200, { code: 0, url: TARGET_URL, ...extra });
    const error = await failure(() => subscribe());
    scope.done();
    expect(error).toMatchObject({ code: 'CinnoxSubscriptionUnconfirmed' });
    expect(error.message).toMatch(
      /^CINNOX did not turn on the "label-event-sub" subscription for this Zap: its answer did not say enabled: true \(it said /,
    );
  });

  it.each(['false', 'FALSE', 0, '0'])(
    'the Event Hook List: another URL with enabled %p does not hold the subscription',
    async (enabled) => {
      const scope = nock(BASE_URL)
        .get(HOOKS)
        .reply(200, { code: 0, result: [{ name: 'label-event-sub', enabled, url: OTHER_URL }] })
        .patch(LABEL_SUB, { enabled: true, url: TARGET_URL })
        .reply(200, { enabled: true, url: TARGET_URL });
      await expect(subscribe()).resolves.toEqual(ours);
      scope.done();
    },
  );

  it.each(['true', 'True', 1])('the Event Hook List: another URL with enabled %p holds it', async (enabled) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(200, { code: 0, result: [{ name: 'label-event-sub', enabled, url: OTHER_URL }] });
    const error = await failure(() => subscribe());
    scope.done();
    expect(error.code).toBe('CinnoxSubscriptionTaken');
    expect(unmatched.list).toEqual([]);
  });
});

describe('the Event Hook List is advisory: only CINNOX auth errors stop the subscription', () => {
  it.each([
    ['a gateway 403 without a CINNOX code', 403, { message: 'Missing Authentication Token' }],
    ['404', 404, ''],
    ['405', 405, ''],
    ['6450001 method not found', 400, { code: 6450001, message: 'method not found' }],
    ['500', 500, { message: 'boom' }],
    ['502 HTML', 502, '<html>Bad Gateway</html>'],
    ['200 not JSON', 200, '<html>hello</html>'],
    ['6451000 on the list', 400, { code: 6451000, message: 'Bad query' }],
    ['429', 429, { message: 'slow down' }],
  ])('%s: cannot tell, the PATCH goes ahead', async (_what, status, body) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(status, body as never)
      .patch(LABEL_SUB, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL });
    await expect(subscribe()).resolves.toEqual(ours);
    scope.done();
  });

  it.each([
    ['6452000 Invalid token', 400, { code: 6452000, message: 'Invalid token' }],
    ['6452001 Invalid appID', 400, { code: 6452001, message: 'Invalid appID' }],
    ['401 with a CINNOX code', 401, { code: 6452000, message: 'Invalid token' }],
    ['401 without a CINNOX code', 401, '<html>Unauthorized</html>'],
    ['403 with a CINNOX code', 403, { code: 6452001, message: 'Invalid appID' }],
  ])('%s: stops, asking to reconnect, no PATCH', async (_what, status, body) => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(status, body as never);
    const error = await failure(() => subscribe());
    scope.done();
    expect(error.name).toBe('ExpiredAuthError');
    expect(unmatched.list).toEqual([]);
  });

  it('the gateway 403 never tells the user to reconnect', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(403, { message: 'Missing Authentication Token' })
      .patch(LABEL_SUB)
      .reply(200, { enabled: true, url: TARGET_URL });
    await expect(subscribe()).resolves.toEqual(ours);
    scope.done();
  });
});

describe('turning a Zap off succeeds on a plain 404 (already off)', () => {
  it('a 404 without a CINNOX code from the disable request', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, '')
      .patch(LABEL_SUB, { enabled: false, url: TARGET_URL })
      .reply(404, '');
    await expect(unsubscribe()).resolves.toEqual({
      subscription: 'label-event-sub',
      url: TARGET_URL,
      unsubscribed: true,
    });
    scope.done();
  });

  it('a 5xx is still an error', async () => {
    const scope = nock(BASE_URL)
      .get(HOOKS)
      .reply(404, '')
      .patch(LABEL_SUB, { enabled: false, url: TARGET_URL })
      .reply(500, { message: 'boom' });
    const error = await failure(() => unsubscribe());
    scope.done();
    expect(error.name).toBe('ThrottledError');
  });
});

describe('deeply nested payloads do not crash perform', () => {
  const perform = (key: string, body: unknown) =>
    appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never)) as Promise<
      Record<string, unknown>[]
    >;
  const nested = (depth: number, inner: unknown): unknown => {
    let value = inner;
    for (let i = 0; i < depth; i += 1) value = [value];
    return value;
  };
  const event = { status: 'create', id: 'lbl-1', name: 'VIP', colorCode: '#1E88E5' };

  it('an array nested 4,000 deep (core itself serialises the bundle, so not deeper) is ignored, no stack overflow', async () => {
    await expect(perform('label_created', nested(4_000, event))).resolves.toEqual([]);
  });

  it('the raw body nested 100,000 deep is ignored too', async () => {
    const content = `${'['.repeat(100_000)}${JSON.stringify(event)}${']'.repeat(100_000)}`;
    const items = (await appTester(
      hookTrigger('label_created').operation.perform,
      bundleWith({}, { rawRequest: { content } } as never),
    )) as unknown[];
    expect(items).toEqual([]);
  });

  it('one level of array (several events) is still read', async () => {
    const items = await perform('label_created', [event, { ...event, id: 'lbl-2' }]);
    expect(items.map((i) => i.id)).toEqual(['lbl-1', 'lbl-2']);
  });

  it('a field holding a deeply nested value is read without a crash', async () => {
    const items = await perform('label_created', { ...event, name: nested(4_000, 'VIP') });
    expect(items).toHaveLength(1);
    expect(items[0]!.id).toBe('lbl-1');
  });
});
