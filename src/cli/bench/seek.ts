// Seek benchmark (performance.md: <= 100 ms anywhere in a 10-minute classroom run).
import { performance } from 'node:perf_hooks';
import { scenarioRunner } from '../../worker/test-support/scenario-runner';
import { nextFloat } from '../../engine';

export interface SeekResult {
  simulatedMinutes: number;
  seeks: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  snapshots: number;
  /** heap used by the process after the run (the run, its snapshots and the benchmark) */
  snapshotBytes: number;
  target: number;
}

/** classroom: a 10-minute lecture run at 40 records/s (budget 100 ms); stress: 10 minutes of the stress scenario (budget 500 ms). */
export function benchSeek(workload: 'classroom' | 'stress' = 'classroom'): SeekResult {
  const file = workload === 'classroom' ? 'lecture' : 'stress';
  const r = scenarioRunner(file);
  if (workload === 'classroom') r.command({ type: 'produceStream', client: 'producer', rate: 40 });
  const total = 600_000;
  for (let t = 0; t < total; t += 1000) {
    r.advance(1000);
    if (t === total / 3) r.command({ type: 'kill', broker: 2 });
    if (t === total / 3 + 60_000 || (workload === 'stress' && t === 40_000))
      r.command({ type: 'restart', broker: 2 });
  }
  const rng = { rng: 12345 };
  const times: number[] = [];
  // A long, fast run keeps a bounded history: seek within what the timeline offers.
  const start = r.snapshots[0]!.t;
  for (let i = 0; i < (workload === 'classroom' ? 40 : 10); i++) {
    const target = start + Math.floor(nextFloat(rng) * (total - start));
    const t0 = performance.now();
    r.seek({ t: target });
    times.push(performance.now() - t0);
    if (r.now !== target) throw new Error(`seek to ${target} reached ${r.now}`);
  }
  times.sort((a, b) => a - b);
  const snaps = r.snapshots;
  // Heap held by the whole run (state + snapshots sharing log entries), after a GC when exposed.
  (globalThis as { gc?: () => void }).gc?.();
  const snapshotBytes = process.memoryUsage().heapUsed;
  return {
    simulatedMinutes: total / 60_000,
    seeks: times.length,
    medianMs: round(times[Math.floor(times.length / 2)]!),
    p95Ms: round(times[Math.floor(times.length * 0.95)]!),
    maxMs: round(times[times.length - 1]!),
    snapshots: snaps.length,
    snapshotBytes,
    target: workload === 'classroom' ? 100 : 500,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
