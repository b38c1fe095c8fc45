/**
 * The bench's stand-in CINNOX (scripts/lib/request-count.ts `reply`): the cold-action probe embeds its text in a
 * script of its own (scripts/lib/cold-action.ts), so it must answer from that text alone, reading nothing of its
 * module. The request count's e2e test runs it in its module, where a reference to the module still works.
 */
import { join } from 'node:path';
import { ROOT as root, lastJsonOf } from './helpers/node-script';

const PATHS = ['/v1/api/apps/a/contacts/extcontact-list?id=c-42', '/v1/api/apps/a/contacts/extcontact-list?offset=0'];

/** Each path's GET answered by `reply` in its module and by its text alone, as the probe has it. */
function answers(): { inModule: unknown; embedded: unknown }[] {
  const script = `
    import { reply } from ${JSON.stringify(join(root, 'scripts/lib/request-count.ts'))};
    const embedded = new Function('return (' + reply.toString() + ');')();
    const paths = ${JSON.stringify(PATHS)};
    console.log(JSON.stringify(paths.map((path) => ({ inModule: reply('GET', path), embedded: embedded('GET', path) }))));
  `;
  return lastJsonOf<{ inModule: unknown; embedded: unknown }[]>(script, { module: true, timeoutMs: 30_000 });
}

describe("the bench's stand-in CINNOX, from its text alone", () => {
  it('answers a list filtered by id with that id, and a plain list with its one record, as in its module', () => {
    const [byId, plain] = answers();
    expect(byId!.embedded).toEqual(byId!.inModule);
    expect(byId!.embedded).toMatchObject({ code: 0, result: [expect.objectContaining({ id: 'c-42' })] });
    expect(plain!.embedded).toEqual(plain!.inModule);
    expect(plain!.embedded).toMatchObject({ code: 0, result: [expect.objectContaining({ id: 'c-1' })] });
  });
});
