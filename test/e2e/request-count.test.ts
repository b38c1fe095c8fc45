/**
 * The bench's request count (scripts/lib/request-count.ts), on the built app (dist/, built by `npm test`
 * first): every create and search makes exactly one CINNOX request in its common case, each drop-down one a
 * page, and a hook perform none. Run here too so a change that breaks an operation's common case, or the
 * bench's answers to it, fails `npm test` rather than only the next `npm run bench`.
 */
import { join } from 'node:path';
import { ROOT as root, lastJsonOf } from '../helpers/node-script';

interface RequestCount {
  operation: string;
  requests: number;
  target: number;
}

/** The counts, and every create, search and hook trigger of the built app by the name the counts use. */
function countRequests(): { counts: RequestCount[]; operations: string[] } {
  const script = `
    import { countRequests } from ${JSON.stringify(join(root, 'scripts/lib/request-count.ts'))};
    import { loadExamples } from ${JSON.stringify(join(root, 'scripts/lib/built-app.ts'))};
    const path = ${JSON.stringify(join(root, 'dist/index.js'))};
    const { default: app } = await import(path);
    const operations = [
      ...Object.keys(app.creates).map((key) => 'creates.' + key),
      ...Object.keys(app.searches).map((key) => 'searches.' + key),
      ...Object.entries(app.triggers).map(([key, op]) => 'triggers.' + key + (op.operation.type === 'hook' ? ' (hook perform)' : ' (one page)')),
    ];
    const examples = loadExamples(${JSON.stringify(join(root, 'dist/examples.js'))});
    console.log(JSON.stringify({ counts: await countRequests(path, examples), operations }));
  `;
  return lastJsonOf<ReturnType<typeof countRequests>>(script, { module: true, timeoutMs: 60_000 });
}

describe('CINNOX requests per operation, on the built app', () => {
  const { counts, operations } = countRequests();

  it('covers every create, every search, every drop-down and every hook trigger', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(counts.map((c) => c.operation)).toEqual(expect.arrayContaining(operations));
  });

  it('one request per create, search and drop-down page, none per hook perform', () => {
    expect(counts.filter((c) => c.requests !== c.target)).toEqual([]);
    // The only target that is not 1 (0 per hook perform): the find-then-write action, a search and then the write.
    const usual = (operation: string): number => (operation.endsWith('(hook perform)') ? 0 : 1);
    expect(counts.filter((c) => c.target !== usual(c.operation)).map((c) => [c.operation, c.target])).toEqual([
      ['creates.create_or_update_contact', 2],
    ]);
  });
});
