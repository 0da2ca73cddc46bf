// What-if on a real cluster: `kafka-topics --describe` output (one or more topics) turned into a
// scenario with exactly that layout: brokers, assignments, current leaders and ISRs, and the
// topic configs it lists. A line that cannot be read is named in the error.
import { SCENARIO_FORMAT, parseScenario } from '../scenario/validate';
import { TOPIC_NAME } from '../scenario/vocabulary';

export type DescribeResult =
  { ok: true; scenario: Record<string, unknown> } | { ok: false; error: string };

interface PartitionLine {
  topic: string;
  index: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
}

const IDS = /^-?\d+(,-?\d+)*$/;
const MAX_LINES = 20_000;
/** A longer paste is refused before it is read. */
export const MAX_DESCRIBE_CHARS = 1_000_000;

function fields(line: string): Map<string, string> | null {
  // "Key: value" pairs separated by tabs or runs of spaces; keys are words without spaces. Read
  // token by token (linear: a regex scanning for keys backtracks on long runs of letters).
  const out = new Map<string, string>();
  const tokens = line.split(/[ \t]+/);
  const key = (token: string) => {
    const colon = token.indexOf(':');
    return colon > 0 && /^[A-Za-z]+$/.test(token.slice(0, colon)) ? colon : -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const colon = key(token);
    if (colon < 0) continue;
    const glued = token.slice(colon + 1);
    const next = tokens[i + 1];
    if (glued !== '') out.set(token.slice(0, colon), glued);
    else if (next !== undefined && key(next) < 0) {
      out.set(token.slice(0, colon), next);
      i++;
    } else out.set(token.slice(0, colon), '');
  }
  return out.size > 0 ? out : null;
}

function ids(value: string | undefined): number[] | null {
  if (value === undefined) return null;
  if (value === '') return [];
  return IDS.test(value) ? value.split(',').map(Number) : null;
}

export function describeToScenario(text: string): DescribeResult {
  if (typeof text !== 'string')
    return { ok: false, error: 'expected the text of kafka-topics --describe' };
  if (text.length > MAX_DESCRIBE_CHARS)
    return {
      ok: false,
      error: `the text is ${text.length.toLocaleString('en')} characters, more than the cap of ${MAX_DESCRIBE_CHARS.toLocaleString('en')}`,
    };
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_LINES) return { ok: false, error: `more than ${MAX_LINES} lines` };
  const parts: PartitionLine[] = [];
  const configs = new Map<string, Record<string, string>>();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    const where = `line ${n + 1}`;
    const f = fields(line);
    const topic = f?.get('Topic');
    if (!f || !topic || !TOPIC_NAME.test(topic))
      return {
        ok: false,
        error: `${where}: expected "Topic: <name> Partition: <n> Leader: <id> Replicas: <ids> Isr: <ids>" or a topic summary line`,
      };
    if (!f.has('Partition')) {
      // summary: "Topic: t  TopicId: ...  PartitionCount: 3  ReplicationFactor: 3  Configs: a=b,c=d"
      const cfg: Record<string, string> = {};
      const raw = f.get('Configs') ?? '';
      for (const pair of raw.split(',').filter(Boolean)) {
        const [k, v = ''] = pair.split('=');
        if (k === 'min.insync.replicas') {
          if (!/^[1-9]\d{0,5}$/.test(v))
            return {
              ok: false,
              error: `${where}: Configs: min.insync.replicas=${v}: expected an integer >= 1`,
            };
          cfg[k] = v;
        }
        if (k === 'unclean.leader.election.enable') {
          if (v !== 'true' && v !== 'false')
            return {
              ok: false,
              error: `${where}: Configs: unclean.leader.election.enable=${v}: expected true or false`,
            };
          cfg[k] = v;
        }
      }
      configs.set(topic, cfg);
      continue;
    }
    const index = Number(f.get('Partition'));
    const leaderText = f.get('Leader');
    const replicas = ids(f.get('Replicas'));
    const isr = ids(f.get('Isr'));
    if (!Number.isInteger(index) || index < 0)
      return {
        ok: false,
        error: `${where}: Partition: expected a partition number, got "${f.get('Partition')}"`,
      };
    if (leaderText === undefined || !/^(-?\d+|none)$/.test(leaderText))
      return {
        ok: false,
        error: `${where}: Leader: expected a broker id, none or -1, got "${leaderText ?? ''}"`,
      };
    if (
      !replicas ||
      replicas.length === 0 ||
      replicas.some((b) => b < 0) ||
      new Set(replicas).size !== replicas.length
    )
      return {
        ok: false,
        error: `${where}: Replicas: expected distinct broker ids like 2,0,1, got "${f.get('Replicas') ?? ''}"`,
      };
    if (!isr || isr.some((b) => !replicas.includes(b)))
      return {
        ok: false,
        error: `${where}: Isr: expected broker ids among the replicas (${replicas.join(',')}), got "${f.get('Isr') ?? ''}"`,
      };
    const leader = leaderText === 'none' || Number(leaderText) < 0 ? null : Number(leaderText);
    if (leader !== null && !replicas.includes(leader))
      return {
        ok: false,
        error: `${where}: Leader: ${leader} is not one of the replicas (${replicas.join(',')})`,
      };
    if (parts.some((p) => p.topic === topic && p.index === index))
      return { ok: false, error: `${where}: partition ${topic}-${index} is listed twice` };
    // Kafka keeps the last replica in the ISR even with no leader; an empty ISR is read as that.
    parts.push({
      topic,
      index,
      leader,
      replicas,
      isr: isr.length > 0 ? isr : leader !== null ? [leader] : [replicas[0]!],
    });
  }
  if (parts.length === 0)
    return {
      ok: false,
      error:
        'no partition lines found (expected lines like "Topic: t  Partition: 0  Leader: 2  Replicas: 2,0,1  Isr: 2,0")',
    };
  const topics = [...new Set(parts.map((p) => p.topic))].sort();
  const brokers = [...new Set(parts.flatMap((p) => p.replicas))].sort((a, b) => a - b);
  const topicSpecs = [];
  for (const topic of topics) {
    const ps = parts.filter((p) => p.topic === topic).sort((a, b) => a.index - b.index);
    const missing = ps.findIndex((p, i) => p.index !== i);
    if (missing >= 0)
      return {
        ok: false,
        error: `topic ${topic}: partition ${missing} is missing (partitions must be 0..${ps.length - 1})`,
      };
    const rf = ps[0]!.replicas.length;
    const odd = ps.find((p) => p.replicas.length !== rf);
    if (odd)
      return {
        ok: false,
        error: `topic ${topic}: partition ${odd.index} has ${odd.replicas.length} replicas, partition 0 has ${rf}`,
      };
    topicSpecs.push({
      name: topic,
      partitions: ps.length,
      replicationFactor: rf,
      assignment: Object.fromEntries(ps.map((p) => [String(p.index), p.replicas])),
      state: Object.fromEntries(
        ps.map((p) => [
          String(p.index),
          {
            leader: p.leader,
            isr: p.leader !== null && !p.isr.includes(p.leader) ? [p.leader, ...p.isr] : p.isr,
          },
        ]),
      ),
      config: configs.get(topic) ?? {},
    });
  }
  const scenario = {
    format: SCENARIO_FORMAT,
    title: `What if? ${topics.join(', ')} on brokers ${brokers.join(', ')}`,
    description:
      'Imported from kafka-topics --describe output: the same brokers, assignments, leaders and ISRs.',
    seed: 1,
    cluster: { brokers },
    topics: topicSpecs,
    clients: {
      producer: { type: 'producer', config: { acks: 'all' } },
      consumer: { type: 'consumer', config: {} },
    },
    steps: [
      { at: 0, do: 'produceStream', client: 'producer', rate: 2 },
      { at: 0, do: 'subscribe', client: 'consumer' },
    ],
  };
  // Whatever the text held, what we hand on must be a valid scenario.
  const checked = parseScenario(scenario);
  if (!checked.ok)
    return { ok: false, error: `the layout is not a valid cluster: ${checked.errors[0]}` };
  return { ok: true, scenario };
}
