// Placement, checked two ways against Kafka:
// 1. Kafka's own KRaft placer class (StripedReplicaPlacer, from the pinned jar) with scripted
//    random draws must give exactly the engine's placement for the same draws.
// 2. A real cluster creates the lecture's topic (6 brokers, 10 partitions, RF 3) without an
//    assignment, with and without racks; Kafka draws at random, so the check is that the engine's
//    placer reproduces that exact layout for some sequence of draws (searched exhaustively).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assignReplicas, type PlacementBroker } from '../../engine';
import { KafkaCluster } from './cluster';
import { newClusterRoot, removeRoot } from './jvm-processes';
import { jvmOpts } from './cds';
import { Driver } from './driver';
import { describePartitions } from './facts';
import { HarnessError } from './jars';

export interface PlacementResult {
  name: string;
  ok: boolean;
  kafka: number[][];
  engine: number[][];
  note: string;
}

const LECTURE = [0, 1, 2, 3, 4, 5];
const RACKS: Record<number, string> = { 0: 'a', 1: 'b', 2: 'c', 3: 'a', 4: 'b', 5: 'c' };

const SCRIPTED_CASES: { brokers: PlacementBroker[]; partitions: number; rf: number }[] = [
  { brokers: LECTURE.map((id) => ({ id })), partitions: 10, rf: 3 },
  { brokers: LECTURE.map((id) => ({ id, rack: RACKS[id]! })), partitions: 10, rf: 3 },
  {
    brokers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((id) => ({ id, rack: 'abc'[id % 3]! })),
    partitions: 12,
    rf: 3,
  },
  { brokers: [1, 2, 3].map((id) => ({ id })), partitions: 7, rf: 2 },
];

const spec = (brokers: PlacementBroker[]) =>
  brokers.map((b) => (b.rack ? `${b.id}:${b.rack}` : String(b.id))).join(',');

function engineWith(brokers: PlacementBroker[], partitions: number, rf: number, k: number) {
  const r = assignReplicas(brokers, partitions, rf, (n) => k % n);
  return r.ok ? r.assignment : [];
}

/** Kafka's placer class and the engine's, with the same scripted draws (k % n for every draw). */
function scripted(classpath: string): PlacementResult[] {
  const cases = SCRIPTED_CASES.flatMap((c) => [0, 1, 2, 3, 4, 5].map((k) => ({ ...c, k })));
  const r = spawnSync(
    'java',
    [
      ...jvmOpts(),
      '-cp',
      classpath,
      'dev.krv.Placement',
      ...cases.map((c) => `${c.partitions}/${c.rf}/${c.k}/${spec(c.brokers)}`),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new HarnessError(`dev.krv.Placement failed:\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return cases.map((c, i) => {
    const kafka = JSON.parse(lines[i]!) as number[][];
    const engine = engineWith(c.brokers, c.partitions, c.rf, c.k);
    return {
      name: `StripedReplicaPlacer, draws k=${c.k}: ${c.brokers.length} brokers${c.brokers[0]!.rack ? ' in racks' : ''}, ${c.partitions} partitions, RF ${c.rf}`,
      ok: JSON.stringify(kafka) === JSON.stringify(engine),
      kafka,
      engine,
      note: 'same draws, same layout expected',
    };
  });
}

/** Some sequence of draws for which the engine's placer gives `target`, or null (exhaustive). */
export function drawsReproducing(
  brokers: PlacementBroker[],
  partitions: number,
  rf: number,
  target: number[][],
): number[] | null {
  const want = JSON.stringify(target);
  const stack: number[][] = [[]];
  let runs = 0;
  while (stack.length && runs < 200_000) {
    const prefix = stack.pop()!;
    const bounds: number[] = [];
    const r = assignReplicas(brokers, partitions, rf, (n) => {
      bounds.push(n);
      return prefix[bounds.length - 1] ?? 0;
    });
    runs++;
    if (bounds.length > prefix.length) {
      const n = bounds[prefix.length]!;
      for (let v = n - 1; v >= 0; v--) stack.push([...prefix, v]);
      continue;
    }
    if (r.ok && JSON.stringify(r.assignment) === want) return prefix;
  }
  return null;
}

/** The lecture's topic created on a real cluster without an assignment. */
async function onCluster(
  classpath: string,
  racks: boolean,
  log: (s: string) => void,
): Promise<PlacementResult> {
  const brokers: PlacementBroker[] = LECTURE.map((id) =>
    racks ? { id, rack: RACKS[id]! } : { id },
  );
  const root = newClusterRoot();
  const driver = await Driver.start(classpath, join(root, 'driver.log'));
  let cluster: KafkaCluster | null = null;
  try {
    cluster = await KafkaCluster.create(
      classpath,
      [
        { id: 100, role: 'controller' },
        ...brokers.map((b) => ({ id: b.id, role: 'broker' as const, rack: b.rack })),
      ],
      {},
      [],
      driver,
      root,
    );
    for (const n of cluster.nodes.values()) cluster.start(n.id);
    for (const n of cluster.nodes.values()) await cluster.waitStarted(n.id);
    await driver.connect(cluster.bootstrap(), cluster.controllerBootstrap());
    for (let i = 0; ; i++) {
      const a = await driver.ask('cluster');
      const up = ((a.brokers as { fenced: boolean }[] | undefined) ?? []).filter((b) => !b.fenced);
      if (up.length === brokers.length) break;
      if (i > 240) throw new HarnessError('the six brokers did not all register');
      await new Promise((r) => setTimeout(r, 250));
    }
    await driver.must('createTopic', { name: 'replicated_topic', partitions: 10, rf: 3 });
    let parts: Awaited<ReturnType<typeof describePartitions>> = {};
    for (let i = 0; Object.keys(parts).length < 10 && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 250));
      parts = await describePartitions(cluster, driver, ['replicated_topic']);
    }
    const kafka = Array.from(
      { length: 10 },
      (_, i) => parts[`replicated_topic-${i}`]?.assignment ?? [],
    );
    const draws = drawsReproducing(brokers, 10, 3, kafka);
    const engine = draws
      ? (() => {
          let i = 0;
          const r = assignReplicas(brokers, 10, 3, () => draws[i++] ?? 0);
          return r.ok ? r.assignment : [];
        })()
      : [];
    log(`placement on Kafka${racks ? ' with racks' : ''}: ${JSON.stringify(kafka)}`);
    return {
      name: `real cluster: lecture topic, 6 brokers, 10 partitions, RF 3${racks ? ', racks a,b,c' : ', no racks'}`,
      ok: draws !== null,
      kafka,
      engine,
      note: draws
        ? `the engine's placer gives this exact layout with draws [${draws.join(', ')}]`
        : "no sequence of draws makes the engine's placer give Kafka's layout",
    };
  } finally {
    await driver.quit();
    await cluster?.stopAll();
    removeRoot(root);
  }
}

export async function comparePlacement(
  classpath: string,
  log: (s: string) => void,
): Promise<PlacementResult[]> {
  const out = scripted(classpath);
  out.push(await onCluster(classpath, false, log));
  out.push(await onCluster(classpath, true, log));
  return out;
}
