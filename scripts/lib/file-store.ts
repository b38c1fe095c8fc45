// Stands in for Zapier's file store (the `npm start` tour): z.stashFile in zapier-platform-core 19 asks Zapier's
// RPC for a presigned upload (`get_presigned_upload_post_data`, at ZAPIER_BASE_ENDPOINT/platform/rpc/cli when that
// variable is set, with the deploy key in ZAPIER_DEPLOY_KEY) and POSTs the file there as a multipart form. This
// server on 127.0.0.1 answers both and keeps each file, so a step that outputs a file can show what a later step
// would receive. Start it, and set the two variables, before zapier-platform-core is loaded: core reads the RPC
// address once, when it loads.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StashedFile {
  name: string;
  type: string;
  text: string;
}

export interface FileStore {
  base: string;
  /** A stashed file by the URL z.stashFile returned, undefined for any other URL. */
  fileAt(url: unknown): StashedFile | undefined;
  close(): Promise<void>;
}

/** The file core's uploader POSTs (a multipart form: the presigned `key`, then the file), and its key. */
export function uploadedFile(body: string): (StashedFile & { key: string }) | undefined {
  const boundary = body.slice(0, body.indexOf('\r\n'));
  const parts = body
    .split(boundary)
    .slice(1, -1)
    .map((part) => {
      const at = part.indexOf('\r\n\r\n');
      return { headers: part.slice(2, at), content: part.slice(at + 4, -2) };
    });
  const part = (name: string) => parts.find((p) => p.headers.includes(`name="${name}"`));
  const file = part('file');
  const key = part('key')?.content;
  if (!file || !key) return undefined;
  return {
    key,
    name: /filename="([^"]*)"/.exec(file.headers)?.[1] ?? '',
    type: /Content-Type: (.*)/i.exec(file.headers)?.[1]?.trim() ?? '',
    text: file.content,
  };
}

export function startFileStore(): Promise<FileStore> {
  const files = new Map<string, StashedFile>();
  let base = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' && req.url === '/platform/rpc/cli') {
        const { id, method } = JSON.parse(body || '{}') as { id?: string; method?: string };
        const answer =
          method === 'get_presigned_upload_post_data'
            ? { id, result: { url: `${base}/files/`, fields: { key: `stash-${files.size + 1}` } } }
            : { id, error: `the tour's file store answers get_presigned_upload_post_data only, not ${method}` };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
        return;
      }
      if (req.method === 'POST' && req.url === '/files/') {
        const file = uploadedFile(body);
        if (file) files.set(`${base}/files/${file.key}`, { name: file.name, type: file.type, text: file.text });
        res.writeHead(file ? 204 : 400);
        res.end();
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      ok({
        base,
        fileAt: (url) => files.get(String(url)),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    }),
  );
}
