/**
 * README.md's "What the app does" catalogue stays in step with the app definition: every trigger (the
 * hidden drop-down triggers too), create, search and search-or-create is listed under its label, and the
 * catalogue names no key the app does not have. Its subscription table puts every instant trigger in the
 * row of the CINNOX subscription it uses. The commands the documents show work as shown on the machine the README
 * describes (Node 20 with npm: the npm scripts put the Node 22 of the `node` devDependency first on PATH), and
 * their links to one another reach a file and a heading that exist.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SUBSCRIPTIONS, type EventGroup } from '../src/cinnox/contract';
import { GROUPS } from '../src/hooks/groups';
import { App } from './helpers/app';
import { cellsOf, readDoc, sectionOf, tableRows } from './markdown';

type Kind = 'triggers' | 'creates' | 'searches' | 'searchOrCreates';
interface Row {
  label: string;
  kind: string;
  what: string;
  key: string;
}

const section = (title: string) => sectionOf('README.md', title);

/** The catalogue's rows: every table of the section has the four columns, and every row a backticked key. */
function catalogueRows(text: string): Row[] {
  const columns = ['Operation', 'Kind', 'What it does', 'Key'];
  return tableRows(text, columns, 'README.md "What the app does"', true).map((row) => {
    const key = /^`([a-z0-9_]+)`$/.exec(row.Key ?? '')?.[1];
    if (!key) throw new Error(`README.md catalogue row without a \`key\`: ${row.line}`);
    return { label: row.Operation!, kind: row.Kind!, what: row['What it does']!, key };
  });
}

const kindOf = (kind: string): Kind => {
  if (kind === 'search or create') return 'searchOrCreates';
  if (kind.includes('trigger') || kind.startsWith('drop-down')) return 'triggers';
  if (kind === 'action') return 'creates';
  if (kind === 'search') return 'searches';
  throw new Error(`README.md catalogue: unknown kind "${kind}"`);
};

const app = App as unknown as Record<
  Kind,
  Record<string, { display: { label: string; hidden?: boolean }; operation: { type?: string } }>
>;
const catalogueText = section('What the app does').split('\n### Which triggers share')[0]!;
const catalogue = catalogueRows(catalogueText);

describe('README.md "What the app does"', () => {
  it('has one row for each operation', () => {
    const kinds: Kind[] = ['triggers', 'creates', 'searches', 'searchOrCreates'];
    const operations = kinds.reduce((n, kind) => n + Object.keys(app[kind]).length, 0);
    expect(operations).toBeGreaterThan(20);
    expect(catalogue.length).toBe(operations);
  });

  it.each(['triggers', 'creates', 'searches', 'searchOrCreates'] as const)(
    'lists every one of the app %s under its label, and nothing the app does not have',
    (kind) => {
      const listed = catalogue.filter((r) => kindOf(r.kind) === kind);
      const keys = Object.keys(app[kind]);
      const missing = keys.filter((k) => !listed.some((r) => r.key === k));
      const unknown = listed.filter((r) => !keys.includes(r.key)).map((r) => r.key);
      expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
      for (const row of listed) {
        expect({ key: row.key, label: row.label }).toEqual({ key: row.key, label: app[kind][row.key]!.display.label });
        expect(row.what).not.toBe('');
      }
    },
  );

  it('calls hidden triggers drop-downs, REST hooks instant triggers and the visible polling ones scheduled triggers', () => {
    for (const row of catalogue.filter((r) => kindOf(r.kind) === 'triggers')) {
      const { display, operation } = app.triggers[row.key]!;
      expect({ key: row.key, kind: row.kind }).toEqual({
        key: row.key,
        kind: display.hidden
          ? 'drop-down (hidden trigger)'
          : operation.type === 'hook'
            ? 'instant trigger'
            : 'scheduled trigger',
      });
    }
  });

  it('puts every instant trigger in the row of the CINNOX subscription it uses, with a concrete example', () => {
    const text = section('What the app does').split('\n### Which triggers share')[1] ?? '';
    expect(text).toContain(
      'a Zap on New Incoming Enquiry and another on Missed Enquiry\nneed two CINNOX Zapier accounts, or one Zap on Enquiry Status Changed',
    );
    const rowOf = new Map<string, string>();
    for (const line of text.split('\n')) {
      const [first, second] = cellsOf(line);
      const subscription = /^`([a-z-]+-event-sub)`$/.exec(first ?? '')?.[1];
      if (!line.startsWith('|') || !subscription) continue;
      for (const [, key] of (second ?? '').matchAll(/`([a-z0-9_]+)`/g)) rowOf.set(key!, subscription);
    }
    const groupOf = Object.fromEntries(Object.entries(SUBSCRIPTIONS).map(([g, s]) => [s, g as EventGroup]));
    const hooks = Object.entries(app.triggers).filter(([, t]) => t.operation.type === 'hook');
    expect(hooks.map(([k]) => k).filter((k) => !rowOf.has(k))).toEqual([]);
    expect([...rowOf.keys()].filter((k) => !hooks.some(([h]) => h === k))).toEqual([]);
    for (const [key, trigger] of hooks) {
      const group = groupOf[rowOf.get(key)!];
      expect({ key, subscription: rowOf.get(key), known: group !== undefined }).toEqual({
        key,
        subscription: rowOf.get(key),
        known: true,
      });
      // The trigger's own description names its group's events: the row is the subscription it uses.
      expect((trigger as unknown as { display: { description: string } }).display.description).toContain(
        `CINNOX sends ${GROUPS[group!].events} to one Zap`,
      );
    }
  });
});

describe('the commands the documents show', () => {
  const root = join(__dirname, '..');
  const documents = ['README.md', 'sandbox/README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)];
  /** The lines of a document's command blocks: fenced `sh` blocks and blocks indented by four spaces. */
  const commandLines = (text: string): string[] => {
    const lines: string[] = [];
    let fenced = false;
    for (const line of text.split('\n')) {
      if (/^```/.test(line)) fenced = /^```(sh|bash|shell|console)?\s*$/.test(line) && !fenced;
      else if (fenced || /^ {4}\S/.test(line)) lines.push(line.trim());
    }
    return lines;
  };

  it.each(documents)(
    '%s runs TypeScript through npm scripts or npx, never a plain node, which Node 20 cannot',
    (doc) => {
      const text = readDoc(doc);
      // Node 20 stops at a .ts file with ERR_UNKNOWN_FILE_EXTENSION: a block shows the npm script instead.
      expect(commandLines(text).filter((line) => /(^|[;&|(]\s*)node\s+\S+\.ts\b/.test(line))).toEqual([]);
      // Inline, a plain `node x.ts` only where the sentence says what it needs.
      for (const [mention] of text.matchAll(/`node [^`]*\.ts[^`]*`[^.;]*/g))
        expect([doc, mention]).toEqual([doc, expect.stringMatching(/needs Node 22/)]);
    },
  );

  it('shows the form of npm start --json whose stdout is JSON alone', () => {
    // npm prints `> cinnox-zapier@… start` on stdout unless --silent; test/e2e/tour.test.ts parses the tour's stdout whole.
    const text = section('The main job: `npm start`').replace(/\s+/g, ' ');
    expect(text).toContain('`npm start --silent -- --json | python3 -m json.tool`');
    expect(text).not.toMatch(/`npm start -- --json/);
  });
});

describe('the links between the documents', () => {
  const root = join(__dirname, '..');
  const documents = ['README.md', 'sandbox/README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)];
  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  const anchorOf = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
  const anchorsOf = (doc: string) =>
    new Set(
      readDoc(doc)
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => anchorOf(line.replace(/^#+ /, ''))),
    );

  it.each(documents)('%s links to files and headings that exist', (doc) => {
    const links = [...readDoc(doc).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    const broken = links.filter((link) => {
      const [path, anchor] = link.split('#');
      const target = path ? join(dirname(doc), path) : doc;
      if (!existsSync(join(root, target))) return true;
      return anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
