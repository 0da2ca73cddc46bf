// npm run bench:soak — 8 simulated hours of the classroom at top speed, producers running, with
// the app's history (snapshots) on: heap and speed per simulated hour. Speed must not decay and
// memory must level off: the classroom topic keeps an hour (retention.ms), history 30 minutes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { scenarioRunner } from '../worker/test-support/scenario-runner';
import { nextFloat, nextRid } from '../engine';

const HOURS = Number(process.env.SOAK_HOURS ?? 8);
// SOAK_SCENARIO=stress soaks the large cluster instead (its own stream, 500 records/s).
const SCENARIO = process.env.SOAK_SCENARIO ?? 'lecture';
const r = scenarioRunner(SCENARIO);
if (SCENARIO === 'lecture') r.command({ type: 'produceStream', client: 'producer', rate: 40 });
const gc = (globalThis as { gc?: () => void }).gc;
const rows: {
  hour: number;
  wallSeconds: number;
  simSecondsPerWallSecond: number;
  heapMB: number;
  /** records sent so far, and those the simulator still keeps (the rest were retired) */
  records: number;
  recordsKept: number;
  events: number;
  snapshots: number;
}[] = [];
for (let hour = 1; hour <= HOURS; hour++) {
  const t0 = performance.now();
  for (let i = 0; i < 3600; i++) r.advance(1000);
  const wall = (performance.now() - t0) / 1000;
  gc?.();
  const snaps = (r as unknown as { branch: { snapshots: unknown[] } }).branch.snapshots.length;
  rows.push({
    hour,
    wallSeconds: Math.round(wall * 10) / 10,
    simSecondsPerWallSecond: Math.round(3600 / wall),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    records: nextRid(r.state),
    recordsKept: r.state.records.length,
    events: r.state.events.length,
    snapshots: snaps,
  });
  const x = rows[rows.length - 1]!;
  console.log(
    `hour ${x.hour}: ${x.simSecondsPerWallSecond} sim-s/wall-s, heap ${x.heapMB} MB, ${x.records} records sent (${x.recordsKept} kept), ${x.events} events kept, ${x.snapshots} snapshots`,
  );
}
// Time travel at the end of the long run: seek to random moments of it, then back to its end.
const rng = { rng: 4242 };
const seeks: number[] = [];
const end = r.now;
for (let i = 0; i < 10; i++) {
  const target = Math.floor(nextFloat(rng) * end);
  const t0 = performance.now();
  r.seek({ t: target });
  seeks.push(performance.now() - t0);
}
seeks.sort((a, b) => a - b);
const seek = {
  medianMs: Math.round(seeks[Math.floor(seeks.length / 2)]!),
  maxMs: Math.round(seeks[seeks.length - 1]!),
};
console.log(
  `seek to 10 random moments of the ${HOURS}-hour run: median ${seek.medianMs} ms, max ${seek.maxMs} ms`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  `bench-results/soak${SCENARIO === 'lecture' ? '' : `-${SCENARIO}`}.json`,
  JSON.stringify(
    { date: new Date().toISOString(), scenario: SCENARIO, hours: HOURS, rows, seek },
    null,
    2,
  ),
);
console.log(`written bench-results/soak${SCENARIO === 'lecture' ? '' : `-${SCENARIO}`}.json`);
