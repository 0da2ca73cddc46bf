// Walk one produce request: the life of one record, hop by hop, from the engine's own state —
// what releases its ack for acks 0/1/all, ticked as the conditions come true. The hops are
// listed in the order they happened (pending ones after, in the order they can come).
import { effectiveMinIsr, entryAt, carriedRecords, recordOf } from '../../engine';
import type { SimState, RecordInfo } from '../../engine';
import type { WalkView } from '../../protocol/view';

/** The walk's hops that are done now, by key: metadata, send, append, fetch-<b>, report-<b>, hw, ack, consume. */
export function walkProgress(s: SimState, rid: number): Set<string> {
  const done = new Set<string>();
  const info = recordOf(s, rid);
  if (!info) return done;
  const partition = info.partition;
  const producer = s.producers[info.client];
  const md = partition ? producer?.metadata.partitions[partition] : undefined;
  if (md && md.leader !== null) done.add('metadata');
  if (info.handled || info.status !== 'pending' || carriedRecords(s).has(rid)) done.add('send');
  const append = info.appends[0];
  if (!append || !partition) {
    if (info.status !== 'pending') done.add('ack');
    return done;
  }
  done.add('append');
  const offset = append.offset;
  const p = s.controller.partitions[partition];
  const leader = s.brokers[append.broker]?.replicas[partition];
  for (const f of p?.replicas ?? []) {
    if (f === append.broker) continue;
    const r = s.brokers[f]?.replicas[partition];
    if (r && entryAt(r, offset)?.rid === rid) done.add(`fetch-${f}`);
    if ((leader?.followers[f]?.leo ?? -1) > offset) done.add(`report-${f}`);
  }
  if ((leader?.hw ?? 0) > offset) done.add('hw');
  if (info.status !== 'pending') done.add('ack');
  for (const c of Object.values(s.consumers))
    if ((c.positions[partition]?.position ?? -1) > offset) done.add('consume');
  return done;
}

/** How long after the ack a walk still waits for a consumer to read the record. */
export const WALK_READ_WAIT_MS = 30_000;

/** Whether nothing more can happen to the walked record (every hop done, or it failed). */
export function walkComplete(s: SimState, rid: number, done: Set<string>): boolean {
  const info = recordOf(s, rid);
  // not sent yet ("the next record"), or retired long after it settled
  if (!info) return rid < s.recordBase;
  if (info.status === 'failed') return true;
  // with nobody reading, the walk ends some time after the answer (watching it costs per ms)
  const answered = info.status !== 'pending' && info.ackedAt >= 0;
  return (
    done.has('ack') &&
    (done.has('consume') || (answered && s.now - info.ackedAt > WALK_READ_WAIT_MS))
  );
}

function eventTime(s: SimState, match: (e: SimState['events'][number]) => boolean): number | null {
  for (const e of s.events) if (match(e)) return e.t;
  return null;
}

type Step = WalkView['steps'][number];

/**
 * The walk of one record. `seen` holds the time each hop was first seen done (the runner watches
 * the walked record hop by hop): hops with no event of their own (the send, a follower's report)
 * take their time from it.
 */
export function walkthrough(
  s: SimState,
  rid: number,
  seen: Readonly<Record<string, number>> = {},
): WalkView | null {
  const info = recordOf(s, rid);
  if (!info) return null;
  const done = walkProgress(s, rid);
  const steps: Step[] = [];
  const partition = info.partition;
  const p = partition ? s.controller.partitions[partition] : undefined;
  const append = info.appends[0];
  const acks = info.acks === -1 ? 'all' : String(info.acks);
  const producer = s.producers[info.client];
  const md = partition ? producer?.metadata.partitions[partition] : undefined;

  const metadataAt = eventTime(
    s,
    (e) => e.type === 'metadataRefreshed' && e.client === info.client && e.t >= info.sentAt,
  );
  steps.push({
    key: 'metadata',
    label: 'Find the leader',
    done: done.has('metadata'),
    t: metadataAt ?? seen.metadata ?? null,
    text:
      md && md.leader !== null
        ? `${info.client} knows from metadata that broker ${md.leader} leads ${partition} (any broker answers a metadata request).`
        : `${info.client} asks a broker for metadata: who leads ${partition}?`,
  });
  steps.push({
    key: 'send',
    label: 'Produce request to the leader',
    done: done.has('send'),
    t: sendTime(s, info) ?? seen.send ?? null,
    text: done.has('send')
      ? `${info.client} sent it to leader broker ${append?.broker ?? md?.leader ?? '?'} in a produce request (acks=${acks}).`
      : `${info.client} sends the record to the leader after linger.ms, in one request per broker.`,
  });
  steps.push({
    key: 'append',
    label: 'Leader appends (LEO + 1)',
    done: done.has('append'),
    t: append?.t ?? null,
    text: append
      ? `Broker ${append.broker} appended it at offset ${append.offset} in leader epoch ${append.epoch}; its LEO became ${append.offset + 1}.`
      : 'Only the leader appends (R5).',
  });

  const offset = append?.offset ?? -1;
  const leaderId = append?.broker ?? p?.leader ?? null;
  const leader =
    leaderId !== null && partition ? s.brokers[leaderId]?.replicas[partition] : undefined;
  const followers = p ? p.replicas.filter((b) => b !== leaderId) : [];
  const checklistFollowers: WalkView['checklist'] = [];
  for (const f of followers) {
    const has = done.has(`fetch-${f}`);
    const reported = done.has(`report-${f}`);
    const fetchedAt = eventTime(
      s,
      (e) =>
        e.type === 'recordReplicated' &&
        e.broker === f &&
        e.partition === partition &&
        offset >= Number(e.data?.from) &&
        offset < Number(e.data?.leo),
    );
    steps.push({
      key: `fetch-${f}`,
      label: `Follower ${f} fetches it`,
      done: has,
      t: fetchedAt ?? seen[`fetch-${f}`] ?? null,
      text: has
        ? `A fetch response carried it to broker ${f}, which wrote it to its own log.`
        : `Broker ${f} pulls records with its fetch loop (R11).`,
    });
    steps.push({
      key: `report-${f}`,
      label: `Follower ${f}'s next fetch reports it`,
      done: reported,
      t: seen[`report-${f}`] ?? null,
      text: reported
        ? `Its next fetch asked for offset ${offset + 1} or later, so the leader knows broker ${f} has offset ${offset}.`
        : 'The leader learns only from the next fetch (fetch offset > its offset).',
    });
    if (p?.isr.includes(f))
      checklistFollowers.push({ label: `in-sync follower ${f} has it`, done: reported });
  }
  const hwPassed = done.has('hw');
  const hwAt = eventTime(
    s,
    (e) =>
      e.type === 'highWatermarkAdvanced' &&
      e.broker === leaderId &&
      e.partition === partition &&
      Number(e.data?.to) > offset &&
      Number(e.data?.from) <= offset,
  );
  steps.push({
    key: 'hw',
    label: 'The high watermark passes it',
    done: hwPassed,
    t: hwAt ?? seen.hw ?? null,
    text: hwPassed
      ? `Leader HW is ${leader!.hw} > ${offset}: every in-sync replica has it, it is committed and consumers can read it.`
      : 'HW = the lowest LEO of the in-sync replicas (R13).',
  });
  steps.push({
    key: 'ack',
    label: acks === '0' ? 'Done on the wire (acks=0)' : 'Acknowledgement',
    done: done.has('ack'),
    t: info.ackedAt >= 0 ? info.ackedAt : (seen.ack ?? null),
    text:
      info.status === 'acked'
        ? `Acknowledged at offset ${info.offset} (acks=${acks}).`
        : info.status === 'sent'
          ? 'acks=0: the producer considers it sent once written to the socket; offset -1.'
          : info.status === 'failed'
            ? `Failed with ${info.error}.`
            : 'Waiting.',
  });
  const consumedAt = eventTime(
    s,
    (e) =>
      e.type === 'recordConsumed' &&
      e.partition === partition &&
      offset >= Number(e.data?.from) &&
      offset < Number(e.data?.from) + ((e.data?.values as unknown[]) ?? []).length,
  );
  steps.push({
    key: 'consume',
    label: 'A consumer reads it',
    done: done.has('consume'),
    t: consumedAt ?? seen.consume ?? null,
    text: done.has('consume')
      ? 'A consumer read it from the leader (only offsets below the HW are served).'
      : 'Consumers read from the leader, below the HW (R34).',
  });

  const minIsr = p ? effectiveMinIsr(s, p) : 1;
  const checklist: WalkView['checklist'] =
    acks === '0'
      ? [{ label: 'written to the socket (nothing else waits)', done: info.status !== 'pending' }]
      : acks === '1'
        ? [{ label: 'the leader appended it', done: !!append }]
        : [
            { label: 'the leader appended it', done: !!append },
            ...checklistFollowers,
            { label: `high watermark > ${offset >= 0 ? offset : 'its offset'}`, done: hwPassed },
            {
              label: `ISR size ≥ min.insync.replicas (${minIsr})`,
              done: (leader?.isr.length ?? 0) >= minIsr,
            },
          ];
  return {
    record: info.value,
    partition,
    acks,
    offset: offset >= 0 ? offset : null,
    leader: leaderId,
    status: info.status,
    error: info.error,
    steps: inTimeOrder(steps),
    checklist,
  };
}

/** The produce request's send time while it is on the network. */
function sendTime(s: SimState, info: RecordInfo): number | null {
  for (const m of Object.values(s.inflight)) {
    if (m.payload.kind !== 'produce') continue;
    for (const b of m.payload.batches)
      if (b.records.some((r) => r.rid === info.rid)) return m.sentAt;
  }
  return null;
}

/**
 * Done hops by time (a done hop whose time is unknown keeps its place after the hop before it),
 * then the pending ones in the order they can happen.
 */
function inTimeOrder(steps: Step[]): Step[] {
  let last = -Infinity;
  const keyed = steps.map((step, i) => {
    if (step.done) last = step.t ?? last;
    return { step, i, at: step.done ? (step.t ?? last) : Infinity };
  });
  keyed.sort((a, b) => a.at - b.at || a.i - b.i);
  return keyed.map((k) => k.step);
}
