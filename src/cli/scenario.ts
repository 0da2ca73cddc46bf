// The headless scenario runner: npm run scenario -- <files or folders> [--dump] [--dump-at ms] [--trace]
// One line per assertion; exit 0 only when every assertion passed; exit 2 for a bad file.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseScenarioText } from '../scenario/validate';
import { runScenario } from '../scenario-run/run';
import { formatTrace } from './trace';
import { dumpState } from '../engine/index';

interface Args {
  paths: string[];
  dump: boolean;
  dumpAt?: number;
  trace: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { paths: [], dump: false, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dump') args.dump = true;
    else if (a === '--trace') args.trace = true;
    else if (a === '--dump-at') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0)
        return `--dump-at: expected a simulated time in ms (an integer >= 0), got ${argv[i] ?? 'nothing'}`;
      args.dumpAt = v;
    } else if (a.startsWith('--'))
      return `unknown option ${a} (known: --dump, --dump-at <ms>, --trace)`;
    else args.paths.push(a);
  }
  if (args.paths.length === 0)
    return 'usage: npm run scenario -- <file or folder>... [--dump] [--dump-at <ms>] [--trace]';
  return args;
}

function collect(path: string): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return [path];
  if (!st.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const full = join(path, name);
      return statSync(full).isDirectory() ? collect(full) : name.endsWith('.json') ? [full] : [];
    });
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const files = args.paths.flatMap(collect);
  let passed = 0;
  let failed = 0;
  let badFiles = 0;
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      console.error(`BAD  ${name}: cannot read the file (${(e as Error).message})`);
      badFiles++;
      continue;
    }
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      for (const err of parsed.errors) console.error(`BAD  ${name}: ${err}`);
      badFiles++;
      continue;
    }
    const run = runScenario(parsed.scenario, { dumpAt: args.dumpAt, trace: args.trace });
    for (const err of run.errors) {
      console.log(`FAIL ${name}: ${err}`);
      failed++;
    }
    for (const a of run.assertions) {
      if (a.ok) {
        console.log(`pass ${name} [step ${a.step}, t=${a.at}] ${a.label}`);
        passed++;
      } else {
        console.log(`FAIL ${name} [step ${a.step}, t=${a.at}] ${a.label}`);
        for (const f of a.failures) console.log(`       ${f}`);
        failed++;
      }
    }
    if (args.trace && run.state) console.log(formatTrace(run.state));
    if (args.dumpAt !== undefined) console.log(JSON.stringify(run.dumpAt, null, 2));
    if (args.dump && run.state) {
      console.log(JSON.stringify(dumpState(run.state), null, 2));
    }
  }
  console.log(`${passed} passed, ${failed} failed${badFiles ? `, ${badFiles} bad file(s)` : ''}`);
  if (badFiles > 0) return 2;
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
