// Event subscriptions as CINNOX has them (docs/cinnox-api.md §0.4): one URL per subscription name per App ID,
// a URL-verification POST `{challenge}` when a URL is enabled, then events POSTed to the URL with got,
// retried with back-off. Which subscriptions each event goes to is sandbox/event-kinds.ts.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import got from 'got';
import type { SandboxConfig } from './config.ts';
import { EVENT_TABLE, type EventKind } from './event-kinds.ts';
import { iso, type Delivery, type SandboxEvent, type State, type Verification } from './state.ts';

/** Every `*-event-sub` name in the reference (§0.4); PATCH on any other `*-event-sub` path is "method not found". */
export const SUBSCRIPTION_NAMES = [
  'contact-event-sub',
  'external-contact-event-sub',
  'staff-contact-event-sub',
  'inquiry-event-sub',
  'inquiry-label-event-sub',
  'outbound-sms-event-sub',
  'inbound-sms-event-sub',
  'label-event-sub',
  'call-event-sub',
  'recording-event-sub',
] as const;
export type SubscriptionName = (typeof SUBSCRIPTION_NAMES)[number];
export const isSubscriptionName = (name: string): name is SubscriptionName =>
  (SUBSCRIPTION_NAMES as readonly string[]).includes(name);

const USER_AGENT = 'cinnox-sandbox (+https://docs.cinnox.com/docs/open-api)';

/** What one POST got back; `status` null when no HTTP answer came (timeout, refused connection). */
interface Reply {
  status: number | null;
  body: string;
  error: string | null;
  ms: number;
}

export function createWebhooks(state: State, config: SandboxConfig, log: (line: string) => void) {
  /** Aborted on reset / close: pending retries stop. */
  let lifetime = new AbortController();

  /** One POST with got; never throws. */
  async function post(url: string, body: unknown): Promise<Reply> {
    const started = Date.now();
    try {
      const response = await got.post(url, {
        json: body,
        headers: { 'user-agent': USER_AGENT },
        throwHttpErrors: false,
        followRedirect: false,
        retry: { limit: 0 },
        timeout: { request: config.deliveryTimeoutMs },
        signal: lifetime.signal,
      });
      return {
        status: response.statusCode,
        body: String(response.body ?? '').slice(0, 2000),
        error: null,
        ms: Date.now() - started,
      };
    } catch (error) {
      const err = error as Error & { code?: string };
      return { status: null, body: '', error: `${err.code ?? err.name}: ${err.message}`, ms: Date.now() - started };
    }
  }

  /**
   * URL verification (§0.4, A14): POST `{challenge}`; "any2xx" passes on any 2xx, "echo" only when the reply
   * carries the challenge back (`{code: 0, result: {challenge}}` or `{challenge}`).
   */
  async function verify(name: string, url: string): Promise<Verification> {
    const challenge = randomBytes(16).toString('hex');
    const reply = await post(url, { challenge });
    let ok = reply.status !== null && reply.status >= 200 && reply.status < 300;
    if (ok && config.challenge === 'echo') {
      let parsed: { challenge?: unknown; result?: { challenge?: unknown } } | undefined;
      try {
        parsed = JSON.parse(reply.body) as typeof parsed;
      } catch {
        parsed = undefined;
      }
      ok = parsed?.result?.challenge === challenge || parsed?.challenge === challenge;
    }
    const record: Verification = {
      name,
      url,
      challenge,
      mode: config.challenge,
      status: reply.status,
      error: reply.error,
      ok,
      at: iso(Date.now()),
    };
    state.verifications.push(record);
    log(`verify ${name} ${url} -> ${reply.status ?? reply.error} ${ok ? 'ok' : 'FAILED'}`);
    return record;
  }

  /**
   * PATCH `{name}-event-sub`: one URL per name; enabling verifies the URL first, disabling clears the slot
   * whatever URL is sent (CINNOX keeps one subscription per name).
   */
  async function setSubscription(name: string, body: { enabled: boolean; url: string }) {
    const updatedAt = iso(Date.now());
    if (!body.enabled) {
      const previous = state.subscriptions[name];
      state.subscriptions[name] = { name, enabled: false, url: previous?.url ?? body.url, updatedAt };
      log(`unsubscribe ${name}${previous?.enabled ? ` (was ${previous.url})` : ''}`);
      return { code: 0, enabled: false, url: body.url, updatedAt };
    }
    const check = await verify(name, body.url);
    if (!check.ok) {
      // A failed verification leaves the existing subscription as it was.
      return { code: 0, enabled: false, url: body.url, updatedAt };
    }
    const previous = state.subscriptions[name];
    if (previous?.enabled && previous.url !== body.url) log(`subscribe ${name}: ${body.url} replaces ${previous.url}`);
    state.subscriptions[name] = { name, enabled: true, url: body.url, updatedAt };
    return { code: 0, enabled: true, url: body.url, updatedAt };
  }

  /**
   * Per URL, the first POST of its latest delivery. The next delivery's first POST waits for it, so events that
   * happen one after another reach a URL in that order, as the tests and `sandbox:watch` read them; retries run on
   * their own and hold no later event back.
   */
  const firstPosts = new Map<string, Promise<void>>();

  /**
   * Delivers one event to one URL: up to deliveryAttempts POSTs, waiting deliveryBackoffMs, then twice
   * that, … between them. A 2xx ends it; anything else (status, timeout, refused connection) is retried.
   */
  async function run(delivery: Delivery): Promise<void> {
    const { signal } = lifetime;
    const previous = firstPosts.get(delivery.url);
    let firstPosted = (): void => {};
    const mine = new Promise<void>((resolve) => {
      firstPosted = () => {
        if (firstPosts.get(delivery.url) === mine) firstPosts.delete(delivery.url);
        resolve();
      };
    });
    firstPosts.set(delivery.url, mine);
    await previous;
    for (let attempt = 1; attempt <= config.deliveryAttempts; attempt += 1) {
      const reply = await post(delivery.url, delivery.payload);
      if (attempt === 1) firstPosted();
      if (signal.aborted) return;
      delivery.attempts.push({ attempt, at: iso(Date.now()), status: reply.status, error: reply.error, ms: reply.ms });
      if (reply.status !== null && reply.status >= 200 && reply.status < 300) {
        delivery.status = 'delivered';
        log(`deliver ${delivery.event} -> ${delivery.url}: ${reply.status} (attempt ${attempt})`);
        return;
      }
      log(
        `deliver ${delivery.event} -> ${delivery.url}: ${reply.status ?? reply.error} (attempt ${attempt}/${config.deliveryAttempts})`,
      );
      if (attempt < config.deliveryAttempts) {
        const wait = config.deliveryBackoffMs * 2 ** (attempt - 1);
        delivery.nextAttemptAt = iso(Date.now() + wait);
        try {
          await sleep(wait, undefined, { signal });
        } catch {
          return;
        }
      }
    }
    delivery.status = 'failed';
    delete delivery.nextAttemptAt;
  }

  /** An event happened: recorded, and sent to each enabled subscription it routes to. */
  function emit(
    kind: EventKind,
    payload: unknown,
    about: Record<string, unknown> = {},
  ): { event: SandboxEvent; deliveries: Delivery[] } {
    const event: SandboxEvent = {
      id: `evt-${state.next('event')}`,
      kind,
      at: iso(Date.now()),
      payload,
      about,
      deliveries: [],
    };
    state.events.push(event);
    const deliveries: Delivery[] = [];
    const routes = EVENT_TABLE[kind].subscriptions;
    for (const name of routes) {
      const sub = state.subscriptions[name];
      if (!sub?.enabled) continue;
      const delivery: Delivery = {
        id: `dlv-${state.next('delivery')}`,
        eventId: event.id,
        event: kind,
        subscription: name,
        url: sub.url,
        payload,
        status: 'pending',
        attempts: [],
        createdAt: iso(Date.now()),
      };
      state.deliveries.push(delivery);
      event.deliveries.push(delivery.id);
      deliveries.push(delivery);
      void run(delivery);
    }
    if (deliveries.length === 0) log(`event ${kind}: no enabled subscription (${routes.join(' / ')})`);
    return { event, deliveries };
  }

  /** Stops pending retries (reset, shutdown). */
  function cancelAll(): void {
    lifetime.abort();
    lifetime = new AbortController();
  }

  return { setSubscription, emit, cancelAll };
}
