// Event subscriptions as CINNOX has them (§0.4): one URL per subscription name per App ID, a URL-verification
// POST `{challenge}` when a URL is enabled, then events POSTed to the URL with got, retried with back-off.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import got from 'got';
import { iso } from './state.mjs';

/** Every `*-event-sub` name in the reference; PATCH on any other `*-event-sub` path is "method not found". */
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
];

/** Which subscriptions an event goes to (A11): the combined contact hook fires on every contact change. */
export const EVENT_ROUTES = {
  'contact.created': ['contact-event-sub', 'external-contact-event-sub'],
  'contact.edited': ['contact-event-sub', 'external-contact-event-sub'],
  'contact.merged': ['contact-event-sub', 'external-contact-event-sub'],
  'contact.transferred': ['contact-event-sub'],
  'contact.deleted': ['contact-event-sub', 'external-contact-event-sub'],
  'enquiry.opened': ['inquiry-event-sub'],
  'enquiry.handling': ['inquiry-event-sub'],
  'enquiry.closed': ['inquiry-event-sub'],
  'enquiry.missed': ['inquiry-event-sub'],
  'sms.receipt': ['outbound-sms-event-sub'],
  'label.created': ['label-event-sub'],
  'label.edited': ['label-event-sub'],
  'label.deleted': ['label-event-sub'],
};
/** @typedef {keyof typeof EVENT_ROUTES} EventKind */
export const EVENT_KINDS = /** @type {EventKind[]} */ (Object.keys(EVENT_ROUTES));

const USER_AGENT = 'cinnox-sandbox (+https://docs.cinnox.com/docs/open-api)';

/**
 * @param {import('./state.mjs').State} state
 * @param {import('./config.mjs').SandboxConfig} config
 * @param {(line: string) => void} log
 */
export function createWebhooks(state, config, log) {
  /** Aborted on reset / close: pending retries stop. */
  let lifetime = new AbortController();

  /**
   * One POST with got; never throws.
   * @param {string} url @param {unknown} body
   * @returns {Promise<{status: number | null, body: string, error: string | null, ms: number}>}
   */
  async function post(url, body) {
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
      const err = /** @type {Error & {code?: string}} */ (error);
      return { status: null, body: '', error: `${err.code ?? err.name}: ${err.message}`, ms: Date.now() - started };
    }
  }

  /**
   * URL verification (§0.4, A14): POST `{challenge}`; "any2xx" passes on any 2xx, "echo" only when the reply
   * carries the challenge back (`{code: 0, result: {challenge}}` or `{challenge}`).
   * @param {string} name @param {string} url
   */
  async function verify(name, url) {
    const challenge = randomBytes(16).toString('hex');
    const reply = await post(url, { challenge });
    let ok = reply.status !== null && reply.status >= 200 && reply.status < 300;
    if (ok && config.challenge === 'echo') {
      let parsed;
      try {
        parsed = JSON.parse(reply.body);
      } catch {
        parsed = undefined;
      }
      ok = parsed?.result?.challenge === challenge || parsed?.challenge === challenge;
    }
    const record = {
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
   * @param {string} name @param {{enabled: boolean, url: string}} body
   */
  async function setSubscription(name, body) {
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
   * Delivers one event to one URL: up to deliveryAttempts POSTs, waiting deliveryBackoffMs, then twice
   * that, … between them. A 2xx ends it; anything else (status, timeout, refused connection) is retried.
   * @param {Record<string, any>} delivery
   */
  async function run(delivery) {
    const { signal } = lifetime;
    for (let attempt = 1; attempt <= config.deliveryAttempts; attempt += 1) {
      const reply = await post(delivery.url, delivery.payload);
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

  /**
   * An event happened: recorded, and sent to each enabled subscription it routes to.
   * @param {EventKind} kind @param {unknown} payload @param {Record<string, unknown>} [about]
   */
  function emit(kind, payload, about = {}) {
    const event = {
      id: `evt-${state.next('event')}`,
      kind,
      at: iso(Date.now()),
      payload,
      about,
      deliveries: /** @type {string[]} */ ([]),
    };
    state.events.push(event);
    const deliveries = [];
    for (const name of EVENT_ROUTES[kind]) {
      const sub = state.subscriptions[name];
      if (!sub?.enabled) continue;
      const delivery = {
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
    if (deliveries.length === 0) log(`event ${kind}: no enabled subscription (${EVENT_ROUTES[kind].join(' / ')})`);
    return { event, deliveries };
  }

  /** Stops pending retries (reset, shutdown). */
  function cancelAll() {
    lifetime.abort();
    lifetime = new AbortController();
  }

  return { setSubscription, emit, cancelAll };
}
