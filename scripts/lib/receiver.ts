// Stands in for Zapier's hook URLs (the `npm start` tour, `npm run sandbox:watch`): an HTTP server on
// 127.0.0.1 that records the JSON each path receives and answers as Zapier does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A JSON body a hook URL received. */
export type Item = Record<string, unknown>;

export interface Receiver {
  base: string;
  /** Request path → the JSON bodies it received. */
  received: Map<string | undefined, Item[]>;
  /** Called with each body as it arrives. */
  onReceive?: (path: string | undefined, body: Item) => void;
  close(): Promise<void>;
}

/** Stands in for Zapier's hook URLs: records what each URL receives, answers as Zapier does. */
export function startReceiver(): Promise<Receiver> {
  const received = new Map<string | undefined, Item[]>();
  let receiver: Receiver | undefined;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      let parsed: Item;
      try {
        parsed = JSON.parse(body || '{}') as Item;
      } catch {
        parsed = { raw: body };
      }
      const list = received.get(req.url) ?? [];
      list.push(parsed);
      received.set(req.url, list);
      receiver?.onReceive?.(req.url, parsed);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', attempt: 'tour', request_id: String(list.length) }));
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      receiver = {
        base,
        received,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections(); // the sandbox's keep-alive sockets would hold close() open
          }),
      };
      ok(receiver);
    }),
  );
}
