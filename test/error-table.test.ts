/**
 * The error table of docs/errors.md ("Errors a Zap builder sees") names every error the app can raise, and only those. The
 * list it is compared with is read from the code itself, never copied: every `new …errors.X(…)` and
 * `new CinnoxError(…)` in src/ and index.ts, with the error code each can carry (its second argument, followed
 * through constants, conditionals, `Cinnox${code}` templates and the helper functions that pass it on). A
 * construction whose code cannot be followed fails the test too, so no error escapes the comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { sectionOf, tableRows } from './markdown';

const root = join(__dirname, '..');
const ERRORS = 'docs/errors.md';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sourceFiles(join(root, 'src')), join(root, 'index.ts')].map((path) =>
  ts.createSourceFile(relative(root, path), readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
);

/** Zapier's error classes (z.errors.X, errors.X) and the app's CinnoxError (an `Error` with a code). */
const ZAPIER_ERRORS = ['Error', 'ExpiredAuthError', 'ThrottledError', 'HaltedError'];

function nodesOf(node: ts.Node): ts.Node[] {
  const all: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    all.push(n);
    n.forEachChild(visit);
  };
  visit(node);
  return all;
}

/** The error class a `new` builds: Error for `z.errors.Error`, `errors.Error` and `CinnoxError`; else undefined. */
function errorClassOf(expression: ts.NewExpression): string | undefined {
  const callee = expression.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'CinnoxError' ? 'Error' : undefined;
  if (ts.isPropertyAccessExpression(callee) && /(^|\.)errors$/.test(callee.expression.getText()))
    return ZAPIER_ERRORS.includes(callee.name.text) ? callee.name.text : undefined;
  return undefined;
}

/** The `const` of that name: in this file first, else exported by another. */
function constantNamed(name: string, file: ts.SourceFile): ts.Expression | undefined {
  for (const candidate of [file, ...files.filter((f) => f !== file)]) {
    for (const node of nodesOf(candidate)) {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === name &&
        node.initializer &&
        (node.parent.flags & ts.NodeFlags.Const) !== 0 &&
        (candidate === file || ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export)
      )
        return node.initializer;
    }
  }
  return undefined;
}

/** The function around `node` that takes a parameter called `name`: its name in the file and the parameter's index. */
function parameterOf(node: ts.Node, name: string): { fn: string; index: number } | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (!ts.isFunctionLike(at)) continue;
    const index = at.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (index === -1) continue;
    const fnName =
      ts.isFunctionDeclaration(at) && at.name
        ? at.name.text
        : ts.isVariableDeclaration(at.parent) && ts.isIdentifier(at.parent.name)
          ? at.parent.name.text
          : undefined;
    return fnName ? { fn: fnName, index } : undefined;
  }
  return undefined;
}

/** Every error code `expression` can be, or undefined when it cannot be followed. */
function codesOf(expression: ts.Expression, file: ts.SourceFile, seen = new Set<string>()): string[] | undefined {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isParenthesizedExpression(expression)) return codesOf(expression.expression, file, seen);
  if (ts.isTemplateExpression(expression))
    // `Cinnox${code}` is the table's `Cinnox{code}`.
    return [
      expression.head.text +
        expression.templateSpans.map((span) => `{${span.expression.getText()}}${span.literal.text}`).join(''),
    ];
  if (ts.isConditionalExpression(expression)) {
    const either = [codesOf(expression.whenTrue, file, seen), codesOf(expression.whenFalse, file, seen)];
    return either.every(Boolean) ? (either.flat() as string[]) : undefined;
  }
  if (!ts.isIdentifier(expression)) return undefined;
  const key = `${file.fileName}:${expression.pos}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const parameter = parameterOf(expression, expression.text);
  if (parameter) {
    // A helper that passes its argument on: the codes of every call of it in this file.
    const calls = nodesOf(file).filter(
      (n): n is ts.CallExpression =>
        ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === parameter.fn,
    );
    const codes = calls.map((call) => {
      const argument = call.arguments[parameter.index];
      return argument ? codesOf(argument, file, seen) : undefined;
    });
    return calls.length > 0 && codes.every(Boolean) ? (codes.flat() as string[]) : undefined;
  }
  const constant = constantNamed(expression.text, file);
  const home = constant && files.find((f) => f.fileName === constant.getSourceFile().fileName);
  return constant && home ? codesOf(constant, home, seen) : undefined;
}

interface Raised {
  /** The error class (`Error`, `ExpiredAuthError`, …) and each code it can carry. */
  names: string[];
  at: string;
}

const raised: Raised[] = files.flatMap((file) =>
  nodesOf(file)
    .filter(ts.isNewExpression)
    .flatMap((expression): Raised[] => {
      const errorClass = errorClassOf(expression);
      if (!errorClass) return [];
      const at = `${file.fileName}:${file.getLineAndCharacterOfPosition(expression.getStart()).line + 1}`;
      if (errorClass !== 'Error') return [{ names: [errorClass], at }];
      const code = expression.arguments?.[1];
      const codes = code ? codesOf(code, file) : undefined;
      return [
        { names: codes ? ['Error', ...codes] : ['Error', `(code not followed: ${code?.getText() ?? 'none'})`], at },
      ];
    }),
);

/** The backticked names in the "Zapier error" column of every table of docs/errors.md. */
function tableErrorNames(): string[] {
  const rows = tableRows(sectionOf(ERRORS, 'Errors a Zap builder sees'), ['Zapier error'], ERRORS);
  return [...new Set(rows.flatMap((row) => [...row['Zapier error']!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)))].sort();
}

describe("docs/errors.md's error table against the errors the code raises", () => {
  it('finds the errors the code raises, each with a code it can follow', () => {
    // The scan sees the common ones: a scan that found nothing would pass the comparison below by construction.
    const names = new Set(raised.flatMap((r) => r.names));
    for (const name of ['ExpiredAuthError', 'ThrottledError', 'InvalidInput', 'CinnoxNotFound', 'Cinnox{code}'])
      expect(names).toContain(name);
    expect(raised.filter((r) => r.names.some((n) => n.startsWith('(code not followed'))).map((r) => r.at)).toEqual([]);
  });

  it('lists every error the code raises, and none it does not', () => {
    const fromCode = [...new Set(raised.flatMap((r) => r.names))].sort();
    const listed = tableErrorNames();
    expect({
      missingFromTheTable: fromCode.filter((name) => !listed.includes(name)),
      notRaisedByTheCode: listed.filter((name) => !fromCode.includes(name)),
    }).toEqual({ missingFromTheTable: [], notRaisedByTheCode: [] });
  });
});
