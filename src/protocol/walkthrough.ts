// Walk one produce request: the life of one record, step by step, from the engine's own state —
// what releases its ack for acks 0/1/all, ticked as the conditions come true.
import type { SimState } from '../engine/index';
import { effectiveMinIsr } from '../engine/topics';
import { entryAt } from '../engine/log';
import type { WalkView } from './view';
import { recordOf } from '../engine/records';

function eventTime(s: SimState, match: (e: SimState['events'][number]) => boolean): number | null {
  for (const e of s.events) if (match(e)) return e.t;
  return null;
}

export function walkthrough(s: SimState, rid: number): WalkView | null {
  const info = recordOf(s, rid);
  if (!info) return null;
  const steps: WalkView['steps'] = [];
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
    done: !!md && md.leader !== null,
    t: metadataAt,
    text:
      md && md.leader !== null
        ? `${info.client} knows from metadata that broker ${md.leader} leads ${partition} (any broker answers a metadata request).`
        : `${info.client} asks a broker for metadata: who leads ${partition}?`,
  });
  steps.push({
    key: 'send',
    label: 'Send to the leader',
    done: info.handled || info.status !== 'pending',
    t: append?.t ?? null,
    text: append
      ? `The produce request reached leader broker ${append.broker}.`
      : `${info.client} sends the record to the leader after linger.ms, in one request per broker.`,
  });
  steps.push({
    key: 'append',
    label: 'Leader appends (LEO + 1)',
    done: !!append,
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
  const isrAtAppend = p?.isr ?? [];
  const checklistFollowers: WalkView['checklist'] = [];
  for (const f of followers) {
    const r = partition ? s.brokers[f]?.replicas[partition] : undefined;
    const has = offset >= 0 && !!r && entryAt(r, offset)?.rid === rid;
    const reported = offset >= 0 && (leader?.followers[f]?.leo ?? -1) > offset;
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
      t: fetchedAt,
      text: has
        ? `Broker ${f} got it in a fetch response and wrote it to its own log.`
        : `Broker ${f} pulls records with its fetch loop (R11).`,
    });
    steps.push({
      key: `report-${f}`,
      label: `Follower ${f}'s next fetch reports it`,
      done: reported,
      t: null,
      text: reported
        ? `Its next fetch asked for offset ${offset + 1} or later, so the leader knows broker ${f} has offset ${offset}.`
        : 'The leader learns only from the next fetch (fetch offset > its offset).',
    });
    if (isrAtAppend.includes(f))
      checklistFollowers.push({ label: `in-sync follower ${f} has it`, done: reported });
  }
  const hwPassed = offset >= 0 && (leader?.hw ?? 0) > offset;
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
    t: hwAt,
    text: hwPassed
      ? `Leader HW is ${leader!.hw} > ${offset}: every in-sync replica has it, it is committed and consumers can read it.`
      : 'HW = the lowest LEO of the in-sync replicas (R13).',
  });
  const answered = info.status === 'acked' || info.status === 'failed' || info.status === 'sent';
  steps.push({
    key: 'ack',
    label: acks === '0' ? 'Done on the wire (acks=0)' : 'Acknowledgement',
    done: answered,
    t: info.ackedAt >= 0 ? info.ackedAt : null,
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
    done: consumedAt !== null,
    t: consumedAt,
    text:
      consumedAt !== null
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
    steps,
    checklist,
  };
}
