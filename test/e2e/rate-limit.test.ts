/**
 * A burst of Send SMS against a local CINNOX that enforces 500 requests a minute (HTTP 429, 6451010,
 * Retry-After 30), run on the built app (dist/index.js, built by `npm test` first) in a fresh Node process:
 * zapier-platform-core ends a process past 250 calls and 450 MB, which jest's own workers reach. Every action
 * either succeeded exactly once or raised ThrottledError with a delay of 1–300 s; none lost, none sent twice.
 */
import { join } from 'node:path';
import { ROOT as root, lastJsonOf } from '../helpers/node-script';

const SENT = 540;
const LIMIT = 500;

const script = `
  process.env.NODE_ENV = 'test';
  const http = require('node:http');
  const zapier = require('zapier-platform-core');
  const app = require(${JSON.stringify(join(root, 'dist/index.js'))});
  const texts = new Map();
  let accepted = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (accepted >= ${LIMIT}) {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '30' });
        return res.end(JSON.stringify({ code: 6451010, message: 'Too many requests' }));
      }
      accepted += 1;
      const { text } = JSON.parse(body);
      texts.set(text, (texts.get(text) || 0) + 1);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 0, result: [{ recipientNumber: '+85294667788', status: 'Submitted' }] }));
    });
  });
  server.listen(0, '127.0.0.1', async () => {
    const baseUrl = 'http://127.0.0.1:' + server.address().port;
    const tester = zapier.createAppTester(app);
    const outcomes = [];
    for (let i = 0; i < ${SENT}; i += 1) {
      const inputData = { number_type: 'access-numbers', sender_number: '+85230001234', recipient_numbers: ['+85294667788'], text: 'SMS ' + i };
      outcomes.push(await tester(app.creates.send_sms.operation.perform, { authData: { appId: 'a1', appToken: 't1', baseUrl }, inputData }).then(
        () => ({ sent: true }),
        (e) => ({ sent: false, name: e.name, delay: JSON.parse(e.message).delay }),
      ));
    }
    server.close();
    console.log(JSON.stringify({ outcomes, counts: [...texts.values()] }));
  });
`;

it('a burst of Send SMS: each sent exactly once or throttled with a delay of 1–300 s, none lost', () => {
  const { outcomes, counts } = lastJsonOf<{
    outcomes: { sent: boolean; name?: string; delay?: number }[];
    counts: number[];
  }>(script, { timeoutMs: 120_000 });
  const throttled = outcomes.filter((o) => !o.sent);
  expect(outcomes).toHaveLength(SENT);
  expect(outcomes.filter((o) => o.sent)).toHaveLength(LIMIT);
  expect(counts).toHaveLength(LIMIT);
  expect(counts.every((n) => n === 1)).toBe(true);
  expect(throttled.every((o) => o.name === 'ThrottledError')).toBe(true);
  const delays = throttled.map((o) => o.delay!);
  expect(Math.min(...delays)).toBeGreaterThanOrEqual(30);
  expect(Math.max(...delays)).toBeLessThanOrEqual(36);
  expect(new Set(delays).size).toBeGreaterThan(1);
});
