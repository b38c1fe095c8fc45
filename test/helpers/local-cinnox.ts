/**
 * A CINNOX stand-in on 127.0.0.1 that misbehaves the way a real server can, over real sockets (nock cannot
 * stall a socket as a hung server does): each request is recorded, then answered by the test's `respond`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';

export interface Received {
  method: string;
  path: string;
  body: string;
}

/** How to answer one request: JSON after a delay, never, a reset after reading it, or a stall after the first bytes. */
export type Behaviour =
  | { answer: unknown; status?: number; headers?: Record<string, string>; afterMs?: number }
  | { hang: true }
  | { reset: true }
  | { stall: true };

export interface LocalCinnox {
  baseUrl: string;
  received: Received[];
  close(): Promise<void>;
}

/** Starts the stand-in; `respond` picks the behaviour of each request (`n` counts from 1). */
export async function startLocalCinnox(respond: (request: Received, n: number) => Behaviour): Promise<LocalCinnox> {
  const received: Received[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const behaviour = respond(request, received.length);
      if ('hang' in behaviour) {
        open.add(res);
        return;
      }
      if ('reset' in behaviour) {
        req.socket.destroy();
        return;
      }
      if ('stall' in behaviour) {
        open.add(res);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"code":0,"result":[');
        return;
      }
      const send = () => {
        res.writeHead(behaviour.status ?? 200, { 'Content-Type': 'application/json', ...behaviour.headers });
        res.end(JSON.stringify(behaviour.answer));
      };
      if (behaviour.afterMs) setTimeout(send, behaviour.afterMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  nock.enableNetConnect('127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      for (const res of open) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
