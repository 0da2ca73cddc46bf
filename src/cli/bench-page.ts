// npm run bench:page — the page benchmark of performance.md: vite preview of the production
// build (dist/, from `npm run build`), Debian's Chromium driven by playwright-core, one fresh
// browser per run, 3 runs per scenario, medians. Prints a table against the budgets and writes
// bench-results/page.json. A benchmark, not a test: budgets exceeded never fail it; only a real
// error (no build, no browser, the app not drawing) exits non-zero.
//
// Options: --runs N (3), --settle MS (3000), --window MS (10000),
// --only classroom|stress|classroom-8h (the last runs only when named: minutes per run)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleSizes } from './bench/page-bundle';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  VIEWPORT,
  median,
  runOnce,
  type RunResult,
} from './bench/page-run';
import { CLASSROOM, CLASSROOM_8H, STRESS, type PageScenario } from './bench/page-scenarios';
import { startPreview, type PreviewServer } from './bench/page-server';

interface Options {
  runs: number;
  settleMs: number;
  windowMs: number;
  only: string | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { runs: 3, settleMs: 3000, windowMs: 10_000, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a}: expected a positive number`);
      return v;
    };
    if (a === '--runs') o.runs = Math.round(num());
    else if (a === '--settle') o.settleMs = num();
    else if (a === '--window') o.windowMs = num();
    else if (a === '--only') o.only = argv[++i] ?? null;
    else throw new Error(`unknown option ${a} (known: --runs, --settle, --window, --only)`);
  }
  return o;
}

const KB = 1000; // kB as vite build reports them

// --- budgets (performance.md, "Budgets") -------------------------------------------------------

/** x passes when x <= max (or x < max when strict) */
type Limit = { max: number; label: string; strict?: boolean } | null;
interface Row {
  name: string;
  unit: string;
  digits: number;
  pick(r: RunResult): number;
  classroom: Limit;
  stress: Limit;
}

const le = (max: number, label?: string): Limit => ({ max, label: label ?? `<= ${max}` });

const ROWS: Row[] = [
  {
    name: 'frame interval median',
    unit: 'ms',
    digits: 1,
    pick: (r) => r.frames.medianMs,
    classroom: null,
    stress: null,
  },
  {
    name: 'frame interval p95',
    unit: 'ms',
    digits: 1,
    pick: (r) => r.frames.p95Ms,
    classroom: le(16.8),
    stress: le(33.4),
  },
  {
    name: 'frame interval p99',
    unit: 'ms',
    digits: 1,
    pick: (r) => r.frames.p99Ms,
    classroom: null,
    stress: null,
  },
  {
    name: 'frames over 16.7 ms',
    unit: '%',
    digits: 1,
    pick: (r) => r.frames.over16_7Pct,
    classroom: null,
    stress: null,
  },
  {
    name: 'frames over 33 ms',
    unit: '%',
    digits: 1,
    pick: (r) => r.frames.over33Pct,
    classroom: le(1),
    stress: le(5),
  },
  {
    name: 'main-thread busy share',
    unit: '',
    digits: 2,
    pick: (r) => r.busyShare,
    classroom: le(0.5),
    stress: le(0.9),
  },
  {
    name: 'long tasks in window',
    unit: '',
    digits: 0,
    pick: (r) => r.longTasks.count,
    classroom: le(0),
    stress: le(2),
  },
  {
    name: 'longest long task',
    unit: 'ms',
    digits: 0,
    pick: (r) => r.longTasks.maxMs,
    classroom: le(0, '0 (none)'),
    stress: le(100),
  },
  {
    name: 'long animation frames',
    unit: '',
    digits: 0,
    pick: (r) => r.longAnimationFrames.count,
    classroom: null,
    stress: null,
  },
  {
    name: 'cluster drawn after nav.',
    unit: 'ms',
    digits: 0,
    pick: (r) => r.clusterDrawnMs,
    classroom: le(1000),
    stress: le(2000),
  },
  {
    name: 'worker->UI posts',
    unit: '/s',
    digits: 1,
    pick: (r) => r.posts.perSecond,
    classroom: le(30),
    stress: le(30),
  },
  {
    name: 'posts per frame (max)',
    unit: '',
    digits: 0,
    pick: (r) => r.posts.maxPerFrame,
    classroom: le(1),
    stress: le(1),
  },
  {
    name: 'view per post, median*',
    unit: 'kB',
    digits: 1,
    pick: (r) => r.posts.viewBytes.median / KB,
    classroom: le(64),
    stress: le(256, '<= 256 (cap)'),
  },
  {
    name: 'view per post, max*',
    unit: 'kB',
    digits: 1,
    pick: (r) => r.posts.viewBytes.max / KB,
    classroom: le(64),
    stress: le(256, '<= 256 (cap)'),
  },
  {
    name: 'messages in view (end)',
    unit: '',
    digits: 0,
    pick: (r) => r.posts.messagesInView ?? NaN,
    classroom: null,
    stress: null,
  },
  {
    name: 'DOM elements (max)',
    unit: '',
    digits: 0,
    pick: (r) => r.dom.max,
    classroom: le(1500),
    stress: le(3000),
  },
  {
    name: 'JS heap after GC (end)',
    unit: 'MB',
    digits: 1,
    pick: (r) => r.heap.endMB,
    classroom: le(30),
    stress: le(60),
  },
  {
    name: 'heap growth over window',
    unit: '%',
    digits: 1,
    pick: (r) => r.heap.growthPct,
    classroom: { max: 10, label: '< 10 (60 s)', strict: true },
    stress: null,
  },
  {
    name: 'sim ms per wall ms',
    unit: '',
    digits: 2,
    pick: (r) => r.simMsPerWallMs,
    classroom: null,
    stress: null,
  },
];

function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

function verdict(x: number, limit: Limit): string {
  if (!limit) return '';
  if (!Number.isFinite(x)) return '?';
  return (limit.strict ? x < limit.max : x <= limit.max) ? 'PASS' : 'over';
}

// --- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const opts = parseOptions(process.argv.slice(2));
  const root = process.cwd();
  // BENCH_DIST: a build of one's own (others may be rebuilding dist/ at the same time)
  const dist = resolve(root, process.env.BENCH_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html not found: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);

  // The stress scenario ships as src/data/scenarios/stress.json (bundled into the app).
  const bundle = bundleSizes(dist);

  // classroom-8h (a long run's page) only when asked for: it takes minutes per run
  const scenarios: PageScenario[] = [CLASSROOM, STRESS, CLASSROOM_8H].filter((s) =>
    opts.only === null ? s !== CLASSROOM_8H : s.name === opts.only,
  );
  if (scenarios.length === 0) throw new Error(`--only: unknown scenario ${opts.only}`);

  let server: PreviewServer | null = null;
  const stop = () => {
    void server?.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const results: Record<string, RunResult[]> = {};
  try {
    server = await startPreview(root, dist, Number(process.env.BENCH_PORT ?? 4174));
    console.log(
      `vite preview at ${server.url}; ${opts.runs} runs x ${scenarios.map((s) => s.name).join(', ')}; settle ${opts.settleMs} ms, window ${opts.windowMs} ms`,
    );
    // Interleaved, so slow drift of a shared machine hits both scenarios alike.
    for (let run = 1; run <= opts.runs; run++) {
      for (const s of scenarios) {
        const t0 = Date.now();
        const r = await runOnce(server.url, s, run, {
          settleMs: opts.settleMs,
          windowMs: opts.windowMs,
        });
        (results[s.name] ??= []).push(r);
        console.log(
          `  ${s.name} run ${run}: p95 ${fmt(r.frames.p95Ms, 1)} ms, busy ${fmt(r.busyShare, 2)}, long tasks ${r.longTasks.count} (max ${fmt(r.longTasks.maxMs, 0)} ms), posts ${fmt(r.posts.perSecond, 1)}/s, view ${fmt(r.posts.viewBytes.median / KB, 1)} kB, DOM ${r.dom.max} (${((Date.now() - t0) / 1000).toFixed(1)} s)${r.errors.length ? `; errors: ${r.errors.join(' | ')}` : ''}`,
        );
      }
    }
  } finally {
    await server?.stop();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }

  // --- table ---
  const names = scenarios.map((s) => s.name);
  const medians: Record<string, Record<string, number>> = {};
  for (const n of names) {
    medians[n] = {};
    for (const row of ROWS) medians[n]![row.name] = median(results[n]!.map(row.pick));
  }
  const cols = [29, 10, 14, 6];
  const pad = (s: string, w: number, left = false) => (left ? s.padEnd(w) : s.padStart(w));
  const header =
    pad('median of runs', cols[0]!, true) +
    names
      .map(
        (n) =>
          ' | ' + pad(n, cols[1]!) + ' ' + pad('budget', cols[2]!) + ' ' + pad('', cols[3]!, true),
      )
      .join('');
  const lines: string[] = [header, '-'.repeat(header.length)];
  for (const row of ROWS) {
    let line = pad(`${row.name}${row.unit ? ` (${row.unit})` : ''}`, cols[0]!, true);
    for (const n of names) {
      const v = medians[n]![row.name]!;
      const limit = n.startsWith('classroom') ? row.classroom : row.stress;
      line +=
        ' | ' +
        pad(fmt(v, row.digits), cols[1]!) +
        ' ' +
        pad(limit?.label ?? '', cols[2]!) +
        ' ' +
        pad(verdict(v, limit), cols[3]!, true);
    }
    lines.push(line);
  }
  const init = bundle.initialGzipBytes / KB;
  const worker = bundle.workerGzipBytes / KB;
  lines.push('-'.repeat(header.length));
  lines.push(
    `${pad('initial JS+CSS, gzip (kB)', cols[0]!, true)} | ${pad(init.toFixed(1), cols[1]!)} ${pad('<= 200 (cap 250)', cols[2]!)} ${init <= 200 ? 'PASS' : init <= 250 ? 'over (under cap)' : 'over (above cap)'}   [${bundle.initial.map((f) => f.file).join(', ')}]`,
  );
  lines.push(
    `${pad('worker bundle, gzip (kB)', cols[0]!, true)} | ${pad(worker.toFixed(1), cols[1]!)} ${pad('<= 60', cols[2]!)} ${worker <= 60 ? 'PASS' : 'over'}   [${bundle.worker.map((f) => f.file).join(', ')}]`,
  );
  const notes = [
    '* view size = JSON.stringify(view).length of views sampled once a second in the window, a proxy for the structured-clone size (kB = 1000 bytes)',
    'busy share = CDP Performance.getMetrics TaskDuration delta / wall time (renderer main thread only); heap = JSHeapUsedSize of the page (not the worker) after HeapProfiler.collectGarbage',
    `heap growth is over the ${opts.windowMs / 1000} s window, not the 60 s of the budget; posts = view.version delta over the window`,
    ...scenarios.flatMap((s) => s.notes),
  ];
  const elapsedS = (Date.now() - started) / 1000;
  console.log('');
  console.log(lines.join('\n'));
  console.log('');
  for (const n of notes) console.log(`note: ${n}`);
  const errors = Object.values(results)
    .flat()
    .flatMap((r) => r.errors.map((e) => `${r.scenario} run ${r.run}: ${e}`));
  for (const e of errors) console.log(`page error: ${e}`);

  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/page.json',
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        chromium: CHROMIUM,
        chromiumArgs: CHROMIUM_ARGS,
        viewport: VIEWPORT,
        runs: opts.runs,
        settleMs: opts.settleMs,
        windowMs: opts.windowMs,
        elapsedSeconds: Math.round(elapsedS),
        bundle,
        medians: Object.fromEntries(
          names.map((n) => [
            n,
            Object.fromEntries(
              ROWS.map((row) => {
                const v = medians[n]![row.name]!;
                const limit = n.startsWith('classroom') ? row.classroom : row.stress;
                return [
                  row.name,
                  {
                    value: Number.isFinite(v) ? v : null,
                    unit: row.unit,
                    budget: limit?.label ?? null,
                    verdict: verdict(v, limit) || null,
                  },
                ];
              }),
            ),
          ]),
        ),
        runsDetail: results,
        notes,
        errors,
      },
      null,
      2,
    ),
  );
  console.log(`written bench-results/page.json (${elapsedS.toFixed(0)} s)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
