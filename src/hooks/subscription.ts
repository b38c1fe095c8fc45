/**
 * Subscribing and unsubscribing a Zap, with CINNOX's one-URL-per-subscription rule.
 *
 * CINNOX keeps one webhook URL per subscription name per App ID (docs/cinnox-api.md §0.4). A second Zap
 * subscribing the same name on the same connection would silently take the first Zap's events, and turning
 * either Zap off would silently stop the other. Where the Event Hook List can be read (assumption A13), this
 * module refuses to subscribe over another URL, unless the Zap builder chose Take Over the Subscription (a URL a
 * deleted Zap left behind would otherwise lock the group for good), and never disables a URL that is not this
 * Zap's. URLs are compared as URLs (`sameUrl`). Where the list cannot be read, CINNOX gives no way to tell; the
 * triggers' descriptions and docs/operations.md say so.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { input, labelOf, parseInput } from '../input/schema';
import { boolean } from '../input/choices';
import { cinnoxRequest, listRecords, type AuthBundle } from '../cinnox/client';
import {
  DASHBOARD_ZAPIER_PATH,
  EVENT_HOOK_LIST_PATH,
  MAX_ZAPIER_ACCOUNTS,
  enabledOf,
  isEventHookFor,
  subscriptionPath,
  type EventHookRecord,
  type SubscriptionBody,
  type SubscriptionName,
  type SubscriptionResult,
} from '../cinnox/contract';
import { isCredentialRefusal, isHttp404, isNotFound, toZapierError } from '../cinnox/errors';
import { quote, secretsOf, type Secrets } from '../cinnox/quote';
import type { GroupSpec } from './groups';

/** What performSubscribe hands Zapier, and performUnsubscribe gets back as `bundle.subscribeData`. */
export interface SubscribeData {
  id: string;
  subscription: SubscriptionName;
  url: string;
  /** The URL this Zap took the subscription over from (Take Over the Subscription), when it replaced one. */
  replaced?: string;
}

/** The key of every instant trigger's take-over input. */
export const TAKE_OVER_KEY = 'take_over_subscription';

const buildTakeOverInput = (group: GroupSpec) =>
  input({
    [TAKE_OVER_KEY]: boolean({
      label: 'Take Over the Subscription',
      helpText:
        `No (the default): when CINNOX already sends this CINNOX Zapier account's ${group.events} to another URL, this Zap is not turned on. ` +
        'Yes: turning this Zap on takes that subscription over; the other Zap stays on but stops receiving these events (choose Yes when that URL belongs to a Zap that was deleted, or one you no longer want to receive them).',
      default: 'false',
    }),
  });
const takeOverInputs = new WeakMap<GroupSpec, ReturnType<typeof buildTakeOverInput>>();

/**
 * A hook trigger's input (one per event group, its zod schema built once): whether turning the Zap on may take the
 * group's subscription over from another URL.
 */
export function takeOverInput(group: GroupSpec): ReturnType<typeof buildTakeOverInput> {
  let built = takeOverInputs.get(group);
  if (!built) takeOverInputs.set(group, (built = buildTakeOverInput(group)));
  return built;
}

/**
 * Two webhook URLs are the same when they are the same URL: scheme and host in any case (the WHATWG URL parser
 * lower-cases them, and drops a default port), a trailing slash aside; path, query and fragment otherwise exact.
 * A value that is no URL is compared as text.
 */
export function sameUrl(a: string, b: string): boolean {
  const form = (value: string): string => {
    const text = value.trim();
    try {
      const url = new URL(text);
      return [
        url.protocol,
        url.username,
        url.password,
        url.host,
        url.pathname.replace(/\/+$/, ''),
        url.search,
        url.hash,
      ].join(' ');
    } catch {
      return text.replace(/\/+$/, '');
    }
  };
  return form(a) === form(b);
}

export interface UnsubscribeResult {
  subscription: SubscriptionName;
  url: string;
  /** False when the disable request was not sent because another Zap's URL now holds the subscription. */
  unsubscribed: boolean;
}

/** The Event Hook List's record for `name`, or undefined when it lists none. */
function hookOf(hooks: EventHookRecord[], name: SubscriptionName): EventHookRecord | undefined {
  return hooks.find((h) => isEventHookFor(h.name, name));
}

/** The URL another Zap holds the subscription with, if any. */
function otherUrl(hook: EventHookRecord | undefined, url: string): string | undefined {
  // A13: an entry without `enabled`, or with a value that is not clearly off, holds the subscription.
  if (!hook || enabledOf(hook.enabled) === false) return undefined;
  const current = typeof hook.url === 'string' ? hook.url.trim() : '';
  return current && !sameUrl(current, url) ? current : undefined;
}

export function subscriptionTakenMessage(group: GroupSpec): string {
  const takeOver = labelOf(takeOverInput(group).shape[TAKE_OVER_KEY]);
  return (
    `This Zap was not turned on: another Zap already receives CINNOX ${group.events} through this CINNOX connection. ` +
    `CINNOX sends the "${group.subscription}" events of one CINNOX Zapier account to a single URL, so this Zap would take them over and the other Zap would silently stop. ` +
    `Each CINNOX Zapier account (up to ${MAX_ZAPIER_ACCOUNTS}) serves one Zap per event group: add another Zapier account in the CINNOX Dashboard ` +
    `(${DASHBOARD_ZAPIER_PATH} > Add Zapier Account), connect it in Zapier, and choose that connection in this Zap. Or turn the other Zap off first. ` +
    `If no Zap of yours receives these events any more (a Zap deleted while CINNOX kept its URL), set ${takeOver} to Yes in this trigger and turn this Zap on again: it takes the subscription over.`
  );
}

/**
 * CINNOX answered `enabled: false` (A14): its verification POST to the Zap's URL expects the reply
 * `{"code": …, "result": {"challenge": …}}` (§0.4), which a Zapier hook URL cannot give.
 */
export function subscriptionRefusedMessage(group: GroupSpec, said: unknown = false, secrets?: Secrets): string {
  return (
    `CINNOX did not turn on the "${group.subscription}" subscription for this Zap: it answered enabled: ${quote(said, secrets, true)}. ` +
    `When subscribing, CINNOX sends a verification POST to the Zap's webhook URL and expects it to answer {"code": …, "result": {"challenge": …}} (echoing the challenge); ` +
    `Zapier's webhook URLs answer every POST with Zapier's own reply and cannot echo it, so the verification failed. Nothing was subscribed. ` +
    `Ask CINNOX support to accept a 2xx answer without the challenge echo for the "${group.subscription}" subscription of this App ID (${DASHBOARD_ZAPIER_PATH}), then turn the Zap on again.`
  );
}

/** CINNOX's answer to the subscription did not clearly say `enabled: true`. */
export function subscriptionUnconfirmedMessage(group: GroupSpec, said: unknown, secrets?: Secrets): string {
  return (
    `CINNOX did not turn on the "${group.subscription}" subscription for this Zap: its answer did not say enabled: true (it said ${said === undefined ? 'nothing about enabled' : `enabled: ${quote(said, secrets, true)}`}). ` +
    `The Zap was not turned on, so that it does not look on while receiving nothing. Try turning the Zap on again; if it keeps failing, report this to the app's developers with CINNOX's answer.`
  );
}

/**
 * The current subscriptions (assumption A13), or `undefined` when the app cannot tell. The list is advisory:
 * only CINNOX's credential answers (`isCredentialRefusal`: 6452000 / 6452001, an HTTP 401) stop the caller;
 * anything else (404, 405, 6450001, a gateway's 403 without a CINNOX code, 5xx, rate limit, a body that is
 * not a list) means "cannot tell", and the subscription goes ahead.
 */
async function listEventHooks(z: ZObject, bundle: AuthBundle): Promise<EventHookRecord[] | undefined> {
  const response = await cinnoxRequest<unknown>(z, bundle, {
    method: 'GET',
    path: EVENT_HOOK_LIST_PATH,
    accept: 'any',
  });
  const { code } = response;
  if (isCredentialRefusal(response.status, code)) {
    const error = toZapierError(z, response, {
      method: 'GET',
      url: EVENT_HOOK_LIST_PATH,
      secrets: secretsOf(bundle.authData),
    });
    if (error) throw error;
  }
  const readable =
    response.status >= 200 &&
    response.status < 300 &&
    code === undefined &&
    typeof response.data === 'object' &&
    response.data !== null;
  if (!readable) {
    z.console.log(
      `CINNOX: the Event Hook List (${EVENT_HOOK_LIST_PATH}) could not be read (HTTP ${response.status}${code !== undefined ? `, code ${code}` : ''}); cannot tell whether another Zap holds the subscription.`,
    );
    return undefined;
  }
  return listRecords<EventHookRecord>(response.data);
}

/** Enables or disables one subscription with the Zap's URL: CINNOX's answer. */
const setSubscription = async (z: ZObject, bundle: AuthBundle, name: SubscriptionName, enabled: boolean, url: string) =>
  (
    await cinnoxRequest<SubscriptionResult>(z, bundle, {
      method: 'PATCH',
      path: subscriptionPath(name),
      body: { enabled, url } satisfies SubscriptionBody,
      check: 'the subscription in CINNOX (turning the Zap off and on again sets it anew)',
    })
  ).data;

export async function subscribe(z: ZObject, bundle: Bundle, group: GroupSpec): Promise<SubscribeData> {
  const takeOver = parseInput(z, takeOverInput(group), bundle.inputData)[TAKE_OVER_KEY] === true;
  const url = (bundle.targetUrl ?? '').trim();
  if (!url)
    throw new z.errors.Error(
      'Zapier gave no webhook URL to subscribe to CINNOX; turn the Zap on again.',
      'MissingTargetUrl',
      400,
    );
  const name = group.subscription;

  const hooks = await listEventHooks(z, bundle);
  const other = hooks && otherUrl(hookOf(hooks, name), url);
  if (other && !takeOver) {
    throw new z.errors.Error(subscriptionTakenMessage(group), 'CinnoxSubscriptionTaken', 409);
  }
  if (other)
    z.console.log(
      `CINNOX: ${labelOf(takeOverInput(group).shape[TAKE_OVER_KEY])} is Yes: the "${name}" subscription pointed at ${other}; this Zap's URL replaces it, so that URL no longer receives these events.`,
    );

  const answer = await setSubscription(z, bundle, name, true, url);
  const said = answer && typeof answer === 'object' ? (answer as { enabled?: unknown }).enabled : undefined;
  const enabled = enabledOf(said);
  if (enabled === false)
    throw new z.errors.Error(
      subscriptionRefusedMessage(group, said, secretsOf(bundle.authData)),
      'CinnoxSubscriptionRefused',
      400,
    );
  // Anything not clearly enabled: a Zap "on" that never fires is worse than one that says it could not turn on.
  if (enabled !== true)
    throw new z.errors.Error(
      subscriptionUnconfirmedMessage(group, said, secretsOf(bundle.authData)),
      'CinnoxSubscriptionUnconfirmed',
      502,
    );
  return { id: name, subscription: name, url, ...(other ? { replaced: other } : {}) };
}

export async function unsubscribe(z: ZObject, bundle: Bundle, group: GroupSpec): Promise<UnsubscribeResult> {
  const data = (bundle.subscribeData ?? {}) as Partial<SubscribeData>;
  const name = data.subscription ?? group.subscription;
  const url = (data.url ?? bundle.targetUrl ?? '').trim();
  if (!url) {
    z.console.log(`CINNOX: no URL recorded for the "${name}" subscription of this Zap; nothing to disable.`);
    return { subscription: name, url, unsubscribed: false };
  }

  const hooks = await listEventHooks(z, bundle);
  if (hooks && otherUrl(hookOf(hooks, name), url)) {
    // Another Zap (or another tool) took the subscription over since: disabling it would stop that Zap.
    z.console.log(`CINNOX: the "${name}" subscription now points at another URL; left it enabled.`);
    return { subscription: name, url, unsubscribed: false };
  }

  try {
    await setSubscription(z, bundle, name, false, url);
  } catch (error) {
    // Already gone in CINNOX (No records found, or a plain 404): the Zap is off either way.
    if (!isNotFound(error) && !isHttp404(error)) throw error;
    z.console.log(`CINNOX: the "${name}" subscription was not found when disabling it; it is already off.`);
  }
  return { subscription: name, url, unsubscribed: true };
}
