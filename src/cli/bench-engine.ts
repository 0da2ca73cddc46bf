// npm run bench:engine — simulated seconds per wall second and events per second for the
// classroom and stress workloads of performance.md. Prints a table and writes JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { applyCommand, createSimulation, nextRid, runUntil, type SimState } from '../engine/index';
import { classroom, stress, type Workload } from './bench/workloads';
import { benchSeek } from './bench/seek';

const SIMULATED_MS = { classroom: 600_000, stress: 60_000 };
const TARGET = { classroom: 1000, stress: 50 };
const RUNS = 3;

function drive(w: Workload, s: SimState, until: number): { dispatched: number } {
  const tick = 50;
  const perTick = (w.recordsPerSecond * tick) / 1000;
  let carry = 0;
  let n = 0;
  let dispatchedBefore = s.seq;
  for (let t = 0; t < until; t += tick) {
    runUntil(s, t);
    carry += perTick;
    while (carry >= 1) {
      carry -= 1;
      const client = w.producers[n % w.producers.length]!;
      applyCommand(s, {
        type: 'produce',
        client,
        topic: w.setup.topics[n % w.setup.topics.length]!.name,
        records: [`r${n++}`],
      });
    }
    if (w.consumer && t % 500 === 0) {
      for (const partition of w.partitions) {
        if (!s.consumers[w.consumer]!.ops[partition])
          applyCommand(s, { type: 'poll', client: w.consumer, partition });
      }
    }
    if (w.killAt !== null && t === w.killAt)
      applyCommand(s, { type: 'kill', broker: w.killBroker });
    // Keep the event stream bounded as the app's history will.
    if (s.events.length > 100_000) s.events.splice(0, s.events.length - 50_000);
  }
  runUntil(s, until);
  dispatchedBefore = s.seq - dispatchedBefore;
  return { dispatched: dispatchedBefore };
}

function measure(w: Workload) {
  const simulatedMs = SIMULATED_MS[w.name];
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const created = createSimulation(w.setup);
    if (!created.ok) throw new Error(created.error);
    const s = created.state;
    const t0 = performance.now();
    const { dispatched } = drive(w, s, simulatedMs);
    const wallMs = performance.now() - t0;
    results.push({
      wallMs,
      speed: simulatedMs / wallMs,
      itemsPerSecond: (dispatched / wallMs) * 1000,
      events: s.eventCount,
      records: nextRid(s),
      losses: s.checker.losses.length,
      violations: s.checker.violations.length,
    });
  }
  results.sort((a, b) => a.speed - b.speed);
  const median = results[Math.floor(results.length / 2)]!;
  return {
    workload: w.name,
    simulatedSeconds: simulatedMs / 1000,
    runs: RUNS,
    medianWallMs: Math.round(median.wallMs),
    simulatedSecondsPerWallSecond: Math.round(median.speed),
    scheduledItemsPerWallSecond: Math.round(median.itemsPerSecond),
    eventsPerWallSecond: Math.round((median.events / median.wallMs) * 1000),
    target: TARGET[w.name],
    meetsTarget: median.speed >= TARGET[w.name],
    records: median.records,
    losses: median.losses,
    violations: median.violations,
  };
}

const rows = [measure(classroom()), measure(stress())];
console.log(
  'workload   sim s   wall ms   sim-s/wall-s   target   items/s     events/s   records  losses  violations',
);
for (const r of rows) {
  console.log(
    `${r.workload.padEnd(10)} ${String(r.simulatedSeconds).padStart(5)} ${String(r.medianWallMs).padStart(9)} ${String(r.simulatedSecondsPerWallSecond).padStart(14)} ${`>=${r.target}`.padStart(8)} ${String(r.scheduledItemsPerWallSecond).padStart(9)} ${String(r.eventsPerWallSecond).padStart(12)} ${String(r.records).padStart(9)} ${String(r.losses).padStart(7)} ${String(r.violations).padStart(11)}${r.meetsTarget ? '' : '   BELOW TARGET'}`,
  );
}
const seek = benchSeek('classroom');
const seekStress = benchSeek('stress');
for (const [name, x] of [
  ['classroom', seek],
  ['stress', seekStress],
] as const) {
  console.log(
    `seek (time travel) in a ${x.simulatedMinutes}-minute ${name} run: median ${x.medianMs} ms, p95 ${x.p95Ms} ms, max ${x.maxMs} ms (budget <= ${x.target} ms); ${x.snapshots} snapshots, heap ${(x.snapshotBytes / 1e6).toFixed(0)} MB`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/engine.json',
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, results: rows, seek },
    null,
    2,
  ),
);
console.log('written bench-results/engine.json');
