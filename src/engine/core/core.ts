// Scheduling, the event stream and the network: the plumbing every engine module uses.
import type { EventName } from './events';
import { appendEvent, type EventFields } from './event-log';
import { observeEvent } from '../check/observer';
import type { Payload } from './messages';
import { heapPush } from './queue';
import { nextInt } from './rng';
import type { Addr, Message, SimState } from './state';
import type { TimerEvent } from './timers';

export function schedule(s: SimState, at: number, item: TimerEvent): void {
  heapPush(s.queue, { at: Math.max(at, s.now), seq: s.seq++, item });
}

/**
 * Emits an event: appended to the stream, then observed by the durability and invariant checker
 * (check/observer.ts), which reacts to what the event says happened.
 */
export function emit(
  s: SimState,
  type: EventName,
  text: string | null,
  fields: EventFields = {},
): number {
  const seq = appendEvent(s, type, text, fields);
  observeEvent(s, s.events[s.events.length - 1]!);
  return seq;
}

function linkKey(a: Addr, b: Addr): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The quorum as a whole is addressed as "controller" in partitionNetwork/heal. */
export function isCut(s: SimState, a: Addr, b: Addr): boolean {
  if (s.cutCount === 0) return false;
  if (s.cuts[linkKey(a, b)]) return true;
  const ca = a.startsWith('controller:') ? 'controller' : null;
  const cb = b.startsWith('controller:') ? 'controller' : null;
  if (ca && s.cuts[linkKey(ca, b)]) return true;
  if (cb && s.cuts[linkKey(a, cb)]) return true;
  return false;
}

export function cutLink(s: SimState, a: Addr, b: Addr): void {
  s.cuts[linkKey(a, b)] = true;
  s.cutCount = Object.keys(s.cuts).length;
}

export function healLink(s: SimState, a?: Addr, b?: Addr): void {
  if (a === undefined || b === undefined) s.cuts = {};
  else delete s.cuts[linkKey(a, b)];
  s.cutCount = Object.keys(s.cuts).length;
}

/**
 * A broker closes (or a dying process resets) a connection: the peer learns it one network hop
 * later, as a disconnect of the request it had on that connection.
 */
export function closeConnection(
  s: SimState,
  from: Addr,
  to: Addr,
  request: string,
  requestId: number,
): void {
  schedule(s, s.now + s.setup.network.latencyMs, {
    kind: 'disconnect',
    messageId: -1,
    from,
    to,
    request,
    requestId,
  });
}

/**
 * Sends a message; it arrives after the configured latency plus seeded jitter, never before an
 * earlier message on the same link (a connection delivers in order: Kafka's per-partition order
 * relies on it).
 */
export function send(s: SimState, from: Addr, to: Addr, payload: Payload): Message {
  const { latencyMs, jitterMs } = s.setup.network;
  let deliverAt = s.now + latencyMs;
  if (jitterMs > 0) {
    const link = `${from}>${to}`;
    deliverAt = Math.max(deliverAt + nextInt(s, jitterMs + 1), s.linkArrivals[link] ?? 0);
    s.linkArrivals[link] = deliverAt;
  }
  const msg: Message = {
    id: s.nextId++,
    from,
    to,
    sentAt: s.now,
    deliverAt,
    payload,
  };
  s.inflight[msg.id] = msg;
  logMessage(s, 'send', msg);
  schedule(s, msg.deliverAt, { kind: 'deliver', messageId: msg.id });
  return msg;
}

export function newId(s: SimState): number {
  return s.nextId++;
}

export function logMessage(s: SimState, what: 'send' | 'deliver' | 'drop', m: Message): void {
  s.messageLog?.push({ t: s.now, what, id: m.id, kind: m.payload.kind, from: m.from, to: m.to });
}
