// Plain sentences for events that carry no text of their own (the frequent ones).
import type { SimEvent } from './events';

type Narrator = (e: SimEvent, d: Record<string, unknown>) => string;

const quote = (v: unknown) => `"${String(v)}"`;

function valuesText(values: unknown): string {
  const vs = Array.isArray(values) ? values.map(quote) : [];
  if (vs.length === 1) return `record ${vs[0]}`;
  return `${vs.length} records (${vs.slice(0, 3).join(', ')}${vs.length > 3 ? ', ...' : ''})`;
}

const NARRATORS: Partial<Record<SimEvent['type'], Narrator>> = {
  highWatermarkAdvanced: (e, d) =>
    d.role === 'leader'
      ? `${e.partition}: leader broker ${e.broker} advanced the high watermark ${d.from} -> ${d.to}: every in-sync replica [${String(d.isr)}] has the offsets below ${d.to}, so they are committed.`
      : `${e.partition}: follower broker ${e.broker} learned the leader's high watermark ${d.to} (was ${d.from}) from a fetch response.`,
  becameLeader: (e, d) =>
    `${e.partition}: broker ${e.broker} starts leading at leader epoch ${d.leaderEpoch}, from offset ${d.startOffset} (high watermark ${d.hw}); the followers now fetch from it.`,
  recordReplicated: (e, d) =>
    `${e.partition}: follower broker ${e.broker} fetched offsets ${d.from}..${Number(d.leo) - 1} from leader ${d.leader} and wrote them to its log (LEO ${d.leo}); its next fetch tells the leader.`,
  recordAppended: (e, d) => {
    const base = Number(d.baseOffset);
    const last = base + Number(d.count) - 1;
    return `${e.partition}: leader broker ${e.broker} appended ${valuesText(d.values)} from ${e.client} at offset ${base === last ? base : `${base}-${last}`} (epoch ${d.epoch}); LEO is now ${d.leo}.`;
  },
  recordAcked: (e, d) =>
    `${e.client}: ${quote(e.record)} acknowledged at ${e.partition} offset ${d.offset} (acks=${d.acks === -1 ? 'all' : d.acks}).`,
  recordSent: (e) =>
    `${e.client}: ${quote(e.record)} written to the socket (acks=0: no answer is awaited, offset -1).`,
  recordConsumed: (e, d) =>
    `${e.client} read ${(d.values as unknown[]).length} record(s) of ${e.partition} from offset ${d.from} (everything below the high watermark ${d.hw}).`,
};

/** The event's sentence for the event log. */
export function eventText(e: SimEvent): string {
  if (e.text !== undefined) return e.text;
  const narrate = NARRATORS[e.type];
  return narrate ? narrate(e, e.data ?? {}) : e.type;
}
