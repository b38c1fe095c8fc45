/**
 * What the app quotes of what it was sent, in one way: CINNOX's error text, body snippets, headers and values in
 * a message pass `quote` (one redaction of the connection's secrets, one truncation to a preview), and any value
 * written out as JSON text passes `jsonText` (bounded in length and depth, never throwing, whatever its size or
 * nesting). Core censors its logs, not the messages the app raises: these go into the Zap's history and e-mails.
 */
import type { Bundle } from 'zapier-platform-core';

/** How many characters of what CINNOX (or a delivery) said a message quotes. */
export const QUOTE_CHARS = 300;
/** How deep `jsonText` writes nested objects and arrays; deeper ones are written `…`. */
export const JSON_TEXT_DEPTH = 32;

/** The connection's secrets, from the call's own bundle: never global state. */
export interface Secrets {
  appToken: string;
  appId: string;
}

export const secretsOf = (authData: Bundle['authData'] | undefined): Secrets => ({
  appToken: String(authData?.appToken ?? ''),
  appId: String(authData?.appId ?? '').trim(),
});

/** What stands in a quote for the App Token, and for the App ID next to it ("app123:token"). */
export const TOKEN_HIDDEN = '[App Token hidden]';
export const CREDENTIALS_HIDDEN = '[App ID and App Token hidden]';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each way the token can appear in a text CINNOX echoes: as sent, trimmed, escaped in JSON, encoded in a URL. */
function tokenForms(token: string): string[] {
  const forms = [token, token.trim(), JSON.stringify(token).slice(1, -1), encodeURIComponent(token)];
  // Longest first: a form that contains another is replaced whole.
  return [...new Set(forms.filter(Boolean))].sort((a, b) => b.length - a.length);
}

/** `text` without the App Token (in any of its forms), nor the App ID where it neighbours the token. */
export function redact(text: string, secrets: Secrets | undefined): string {
  const token = tokenForms(secrets?.appToken ?? '')
    .map(escapeRegExp)
    .join('|');
  if (!token || !secrets) return text;
  let hidden = text;
  if (secrets.appId) {
    // "app123:token", "token/app123": the App ID joined to the token goes with it. The join is bounded, so a long
    // run of spaces after the App ID costs no backtracking.
    const id = escapeRegExp(secrets.appId);
    const join = '\\s{0,3}[:=/,;|]?\\s{0,3}';
    hidden = hidden.replace(new RegExp(`${id}${join}(?:${token})|(?:${token})${join}${id}`, 'g'), CREDENTIALS_HIDDEN);
  }
  return hidden.replace(new RegExp(token, 'g'), TOKEN_HIDDEN);
}

/**
 * A value as JSON text of at most `max` characters (cut text ends in `…`): objects and arrays are written only as
 * far as `max` and JSON_TEXT_DEPTH reach, so a value of any size or nesting costs at most that; `edit` is applied to
 * each string (and key) before it is written. `complete` says whether the text is the whole value.
 */
export function jsonTextOf(
  value: unknown,
  max: number,
  edit: (text: string) => string = (text) => text,
): { text: string; complete: boolean } {
  let out = '';
  let complete = true;
  const full = (): boolean => out.length > max;
  const str = (text: string): string => {
    const edited = edit(text);
    // Enough of a long string to fill what is left (its escapes can only lengthen it).
    return JSON.stringify(edited.length > max - out.length + 1 ? edited.slice(0, max - out.length + 1) : edited);
  };
  const write = (item: unknown, depth: number): void => {
    if (full()) return;
    if (typeof item === 'string') out += str(item);
    else if (typeof item === 'number') out += Number.isFinite(item) ? String(item) : 'null';
    else if (typeof item === 'boolean' || item === null) out += String(item);
    else if (typeof item === 'bigint') out += String(item);
    else if (typeof item !== 'object') out += 'null';
    else if (depth >= JSON_TEXT_DEPTH) {
      out += '…';
      complete = false;
    } else if (Array.isArray(item)) {
      out += '[';
      for (let i = 0; i < item.length && !full(); i += 1) {
        if (i > 0) out += ',';
        write(item[i], depth + 1);
      }
      out += ']';
    } else {
      out += '{';
      let first = true;
      for (const key in item) {
        if (full()) break;
        if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
        const entry = (item as Record<string, unknown>)[key];
        if (entry === undefined || typeof entry === 'function' || typeof entry === 'symbol') continue;
        out += `${first ? '' : ','}${str(key)}:`;
        first = false;
        write(entry, depth + 1);
      }
      out += '}';
    }
  };
  write(value, 0);
  if (full()) return { text: `${out.slice(0, max)}…`, complete: false };
  return { text: out, complete };
}

/** `jsonTextOf`'s text. */
export const jsonText = (value: unknown, max: number, edit?: (text: string) => string): string =>
  jsonTextOf(value, max, edit).text;

/**
 * What a message quotes of a text or value CINNOX (or a delivery) sent: strings as they are (as JSON with `json`,
 * `"yes"`), anything else as JSON text; the App Token removed (and the App ID next to it), whitespace runs made one
 * space, at most QUOTE_CHARS characters (cut text ends in `…`). The redaction comes before the cut, so no part of
 * the token is left at the end.
 */
export function quote(value: unknown, secrets: Secrets | undefined, json = false): string {
  const max = QUOTE_CHARS;
  const hide = (text: string): string => redact(text, secrets);
  const text = typeof value === 'string' && !json ? hide(value) : jsonText(value, max * 4, hide);
  // Whitespace runs shrink: a generous window of the text is enough to fill `max` after they are made one space.
  const flat = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max || text.length > max * 4 ? `${flat.slice(0, max)}…` : flat;
}
