// The HTTP plumbing the Open API (api-routes.ts) and the admin API (admin.ts) share: reading a request's body,
// sending a JSON answer, and the admin API's error (an HTTP status and `{error}`).
import { Buffer } from 'node:buffer';
import type http from 'node:http';
import { badParameters } from './validate.ts';

const BODY_MAX_BYTES = 1_000_000;

/** An admin-API error: HTTP status and `{error}`. */
class AdminError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The request body: its text, and its JSON (undefined when empty; INVALID_JSON when it does not parse). */
const INVALID_JSON = Symbol.for('invalid-json');
async function readBody(req: http.IncomingMessage): Promise<{ text: string; json: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > BODY_MAX_BYTES) throw badParameters('request body too large');
    chunks.push(chunk);
  }
  const text = chunks.map((c) => c.toString('utf8')).join('');
  if (text.trim() === '') return { text, json: undefined };
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return { text, json: INVALID_JSON };
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export { AdminError, readBody, send };
