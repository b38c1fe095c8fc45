// What the contract check (scripts/contract-check.ts) prints: each step as it finishes, then the table of every
// assumption with its verdict and evidence, and the tallies. Lines are wrapped to the terminal (100 columns off a
// terminal) and go to stdout, or to stderr under --json, whose one JSON object is then stdout's last line.
import process from 'node:process';
import { ASSUMPTIONS, combine, type AssumptionId, type Finding, type Verdict } from './contract-judges.ts';

export type Outcome = 'passed' | 'failed' | 'sample' | 'skipped';

export interface StepReport {
  name: string;
  outcome: Outcome;
  result: string;
  ms: number;
  findings: Finding[];
  requests: { request: string; status?: number }[];
}
export interface AssumptionReport {
  id: AssumptionId;
  title: string;
  verdict: Verdict | 'not tested read-only';
  evidence: string;
  steps: string[];
}

/** Where the check's lines go, and how they are wrapped. */
export interface Printer {
  /** Writes one line (or several, already wrapped). */
  say: (line: string) => void;
  /** `text` wrapped to the terminal, continuation lines indented by `indent`. */
  wrapped: (text: string, indent: number) => string;
}

export function printer(asJson: boolean): Printer {
  const say = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);
  const width = Math.max(60, (process.stdout.isTTY && process.stdout.columns) || 100);
  const wrapped = (text: string, indent: number): string => {
    const lead = /^ */.exec(text)![0];
    const lines: string[] = [];
    let line = lead;
    for (const word of text.slice(lead.length).split(' ')) {
      if (line.trim() && line.length + 1 + word.length > width) {
        lines.push(line);
        line = `${' '.repeat(indent)}${word}`;
      } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
    }
    lines.push(line);
    return lines.join('\n');
  };
  return { say, wrapped };
}

const SHOWN: Record<Outcome, string> = {
  passed: 'passed ',
  failed: 'FAILED ',
  sample: 'sample ',
  skipped: 'skipped',
};

/** One step as it finishes: its outcome, name, time and result; its requests; the assumptions it exercised. */
export function printStep({ say, wrapped }: Printer, step: StepReport): void {
  const time = step.outcome === 'skipped' ? '' : ` (${step.ms.toFixed(0)} ms)`;
  say(wrapped(`  ${SHOWN[step.outcome]}  ${step.name}${time}: ${step.result}`, 13));
  for (const r of new Set(step.requests.map((q) => q.request))) say(wrapped(`             ${r}`, 15));
  if (step.findings.length > 0)
    say(wrapped(`             ${step.findings.map((f) => `${f.id} ${f.verdict}`).join(', ')}`, 13));
  for (const f of step.findings.filter((f) => f.verdict !== 'holds'))
    say(wrapped(`             ${f.id} ${f.verdict}: ${f.reason}`, 15));
}

/** Every assumption, A1… in order: the weightiest verdict the steps found, else why none could. */
export function assumptionTable(steps: readonly StepReport[]): AssumptionReport[] {
  return ASSUMPTIONS.map(({ id, title, untestable }) => {
    const seen = steps.filter((s) => s.findings.some((f) => f.id === id));
    const [best] = combine(seen.flatMap((s) => s.findings.filter((f) => f.id === id)));
    if (best) return { id, title, verdict: best.verdict, evidence: best.evidence, steps: seen.map((s) => s.name) };
    if (untestable) return { id, title, verdict: 'not tested read-only', evidence: untestable, steps: [] };
    const skipped = steps.filter((s) => s.outcome === 'skipped').map((s) => s.name);
    const why = skipped.length > 0 ? ` (skipped: ${skipped.join(', ')})` : '';
    return { id, title, verdict: 'cannot tell', evidence: `no step of this run exercised it${why}`, steps: [] };
  });
}

/** The assumption table and the tallies; true when a step failed or an assumption does not hold. */
export function printEnd(
  { say, wrapped }: Printer,
  steps: readonly StepReport[],
  assumptions: readonly AssumptionReport[],
): boolean {
  say('\nCINNOX API assumptions (src/cinnox/contract.ts; README.md, its assumption table):');
  for (const a of assumptions) {
    const how = a.verdict === 'not tested read-only' ? `test: ${a.evidence}` : a.evidence;
    say(wrapped(`  ${a.id.padEnd(4)} ${a.verdict.padEnd(20)} ${a.title}. ${how}`, 7));
  }
  const tally = (outcome: Outcome) => steps.filter((s) => s.outcome === outcome).length;
  const count = (verdict: AssumptionReport['verdict']) => assumptions.filter((a) => a.verdict === verdict).length;
  const broken = assumptions.filter((a) => a.verdict === 'does not hold').map((a) => a.id);
  say(
    `\n${tally('passed')} passed, ${tally('failed')} failed, ${tally('sample')} sample, ${tally('skipped')} skipped.`,
  );
  say(
    wrapped(
      `Assumptions: ${count('holds')} hold, ${broken.length} do not hold${broken.length ? ` (${broken.join(', ')})` : ''}, ` +
        `${count('cannot tell')} cannot tell, ${count('not tested read-only')} not tested read-only.`,
      2,
    ),
  );
  return tally('failed') > 0 || broken.length > 0;
}
