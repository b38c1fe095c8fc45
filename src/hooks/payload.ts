/**
 * Reading a CINNOX webhook delivery, whatever shape it came in.
 *
 * CINNOX documents two shapes (docs/cinnox-api.md §1.10, §2.5, §3.5) and the CINNOX Zapier guide
 * (https://docs.cinnox.com/docs/zapier) a third:
 * - the Open API notification envelope `{type: 'message', challenge, message: {type, status, id, ...}}`;
 * - flat records: the enquiry notification (`eid`, `destinationTypes`, …) and the outbound SMS receipt
 *   in PascalCase (`TransactionID`, `RecipientNumber`, `Status`, …);
 * - the CINNOX Zapier guide's flat objects with its own keys (`name`, `enquiryID`, `transactionId`, …).
 * Each reader names the exact keys it reads, in the spellings these three use (e.g. `transactionId` and
 * `TransactionID`, `destinationTypes` and `destination Types`), so a search for CINNOX's key finds its reader.
 */
import { createHash } from 'node:crypto';
import type { Bundle } from 'zapier-platform-core';
import { asText } from '../cinnox/values';

export type Raw = Record<string, unknown>;

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    // JSON.parse itself is not recursive: a deeply nested body parses, and eventsOf ignores the nesting.
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The value under the first of `keys` the event has (each exactly as CINNOX spells it); empty counts as absent. */
export function pick(event: Raw, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = event[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A short, stable fingerprint of an event, for ids when the event names no record. */
export function fingerprint(event: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(event) ?? '';
  } catch {
    // Too deeply nested to serialise (RangeError): its top-level keys and their kinds still tell events apart.
    text = isObject(event)
      ? Object.entries(event)
          .map(([k, v]) => `${k}:${typeof v === 'object' ? (Array.isArray(v) ? 'array' : 'object') : String(v)}`)
          .join(',')
      : '';
  }
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

/** The delivery's body: Zapier's parsed JSON, else the raw content parsed. */
export function bodyOf(bundle: Pick<Bundle, 'cleanedRequest' | 'rawRequest'>): unknown {
  const cleaned: unknown = bundle.cleanedRequest;
  if (typeof cleaned === 'string') return parseJson(cleaned);
  if (cleaned !== undefined && cleaned !== null) return cleaned;
  const content = bundle.rawRequest?.content;
  return typeof content === 'string' && content ? parseJson(content) : undefined;
}

/**
 * CINNOX's URL-verification POST: `{challenge}` with no event in it. (The notification tables list a
 * `challenge` field "(Internal Use)" next to real events too, so a challenge key alone is not enough.)
 */
export function isChallenge(body: Raw): boolean {
  return (
    pick(body, 'challenge') !== undefined && !isObject(body.message) && pick(body, 'status', 'Status') === undefined
  );
}

/**
 * The events of one delivery, each flattened: the Open API envelope's `message` is lifted to the top
 * (its `type`, e.g. "contact", wins over the envelope's "message"); flat bodies are taken as they are.
 * A JSON array is read as several events: one level, as CINNOX sends them; an array inside it is ignored
 * (no stack overflow on a payload of deeply nested arrays). Challenges and empty objects are dropped.
 */
export function eventsOf(body: unknown, nested = false): Raw[] {
  if (Array.isArray(body)) return nested ? [] : body.flatMap((item) => eventsOf(item, true));
  if (!isObject(body) || isChallenge(body)) return [];
  let event: Raw = body;
  if (isObject(body.message)) {
    const { message, type: _envelopeType, challenge: _challenge, ...rest } = body;
    event = { ...rest, ...(message as Raw) };
  }
  return Object.keys(event).some((k) => k !== 'challenge') ? [event] : [];
}

/** Lower-case, trimmed: statuses and discriminators are compared this way. */
export const folded = (value: unknown): string => asText(value).toLowerCase();
