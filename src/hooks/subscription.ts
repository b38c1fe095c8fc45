/**
 * Subscribing and unsubscribing a Zap, with CINNOX's one-URL-per-subscription rule.
 *
 * CINNOX keeps one webhook URL per subscription name per App ID (docs/cinnox-api.md §0.4). A second Zap
 * subscribing the same name on the same connection would silently take the first Zap's events, and turning
 * either Zap off would silently stop the other. Where the Event Hook List can be read (assumption A13), this
 * module refuses to subscribe over another Zap's URL and never disables a URL that is not this Zap's. Where
 * it cannot be read, CINNOX gives no way to tell; the triggers' descriptions and the README say so.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import {
  DASHBOARD_ZAPIER_PATH,
  MAX_ZAPIER_ACCOUNTS,
  enabledOf,
  isEventHookFor,
  type EventHookRecord,
  type SubscriptionName,
} from '../cinnox/contract';
import { isHttp404, isNotFound } from '../cinnox/errors';
import { quote, secretsOf, type Secrets } from '../cinnox/quote';
import type { GroupSpec } from './groups';

/** What performSubscribe hands Zapier, and performUnsubscribe gets back as `bundle.subscribeData`. */
export interface SubscribeData {
  id: string;
  subscription: SubscriptionName;
  url: string;
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
  return current && current !== url ? current : undefined;
}

export function subscriptionTakenMessage(group: GroupSpec): string {
  return (
    `This Zap was not turned on: another Zap already receives CINNOX ${group.events} through this CINNOX connection. ` +
    `CINNOX sends the "${group.subscription}" events of one CINNOX Zapier account to a single URL, so this Zap would take them over and the other Zap would silently stop. ` +
    `Each CINNOX Zapier account (up to ${MAX_ZAPIER_ACCOUNTS}) serves one Zap per event group: add another Zapier account in the CINNOX Dashboard ` +
    `(${DASHBOARD_ZAPIER_PATH} > Add Zapier Account), connect it in Zapier, and choose that connection in this Zap. Or turn the other Zap off first.`
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

export async function subscribe(z: ZObject, bundle: Bundle, group: GroupSpec): Promise<SubscribeData> {
  const url = (bundle.targetUrl ?? '').trim();
  if (!url)
    throw new z.errors.Error(
      'Zapier gave no webhook URL to subscribe to CINNOX; turn the Zap on again.',
      'MissingTargetUrl',
      400,
    );
  const name = group.subscription;

  const hooks = await cinnox.listEventHooks(z, bundle);
  if (hooks && otherUrl(hookOf(hooks, name), url)) {
    throw new z.errors.Error(subscriptionTakenMessage(group), 'CinnoxSubscriptionTaken', 409);
  }

  const answer = await cinnox.setSubscription(z, bundle, name, true, url);
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
  return { id: name, subscription: name, url };
}

export async function unsubscribe(z: ZObject, bundle: Bundle, group: GroupSpec): Promise<UnsubscribeResult> {
  const data = (bundle.subscribeData ?? {}) as Partial<SubscribeData>;
  const name = data.subscription ?? group.subscription;
  const url = (data.url ?? bundle.targetUrl ?? '').trim();
  if (!url) {
    z.console.log(`CINNOX: no URL recorded for the "${name}" subscription of this Zap; nothing to disable.`);
    return { subscription: name, url, unsubscribed: false };
  }

  const hooks = await cinnox.listEventHooks(z, bundle);
  if (hooks && otherUrl(hookOf(hooks, name), url)) {
    // Another Zap (or another tool) took the subscription over since: disabling it would stop that Zap.
    z.console.log(`CINNOX: the "${name}" subscription now points at another URL; left it enabled.`);
    return { subscription: name, url, unsubscribed: false };
  }

  try {
    await cinnox.setSubscription(z, bundle, name, false, url);
  } catch (error) {
    // Already gone in CINNOX (No records found, or a plain 404): the Zap is off either way.
    if (!isNotFound(error) && !isHttp404(error)) throw error;
    z.console.log(`CINNOX: the "${name}" subscription was not found when disabling it; it is already off.`);
  }
  return { subscription: name, url, unsubscribed: true };
}
