/**
 * How the tests read the project's documents (README.md and docs/): a section by its heading, and the rows of its
 * tables by column header. A missing document, section or column throws, naming it, so a test that reads a table
 * never passes on an empty one because a heading or a header was renamed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** One table row: its cells by column header (as written), and the line it was read from. */
export type TableRow = Record<string, string> & { readonly line: string };

/** A document's text, by its path from the project root (`docs/errors.md`). */
export function readDoc(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/**
 * The text of the section headed `title` (at any level) in `path`: from its heading up to the next heading of the
 * same or a higher level, its subsections included.
 */
export function sectionOf(path: string, title: string): string {
  const lines = readDoc(path).split('\n');
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, '') === title);
  if (start === -1) throw new Error(`${path} has no "${title}" heading`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((line, i) => i > start && /^#{1,6} /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** The cells of a table line, trimmed, without the outer pipes. */
export const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/**
 * The rows of every table in `text` whose header has each of `columns`, keyed by header. A table without them is
 * skipped, or throws when `every` says each table of the text must have them; none at all throws (`what` names
 * the text in the error).
 */
export function tableRows(text: string, columns: readonly string[], what: string, every = false): TableRow[] {
  const rows: TableRow[] = [];
  let header: string[] | undefined;
  let wanted = false;
  let tables = 0;
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('|')) {
      header = undefined;
      continue;
    }
    const cells = cellsOf(line);
    if (!header) {
      header = cells;
      wanted = columns.every((column) => header!.includes(column));
      if (wanted) tables += 1;
      else if (every) throw new Error(`${what}: a table without the columns ${columns.join(', ')}: ${line}`);
      continue;
    }
    if (!wanted || cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    const row: Record<string, string> = Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
    rows.push(Object.assign(row, { line }));
  }
  if (tables === 0) throw new Error(`${what} has no table with the columns ${columns.join(', ')}`);
  return rows;
}
