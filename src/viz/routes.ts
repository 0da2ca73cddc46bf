// Where a message is drawn: from the sender's replica chip to the receiver's (producer -> leader
// chip -> follower chips), or between cards and nodes for cluster traffic. An idle long poll
// (a fetch request, an empty fetch answer) is not a dot: the follower shows a waiting clock.
import type { MessageView } from '../protocol/view';
import type { NodeBox } from './layout';

export interface Point {
  x: number;
  y: number;
}

export interface Route {
  from: Point;
  to: Point;
  partition: string | null;
}

export interface RouteModel {
  brokers: Record<number, NodeBox>;
  controllers: Record<number, NodeBox>;
  clients: Record<string, NodeBox>;
  chips: Record<string, NodeBox>;
}

function parse(addr: string): { kind: string; id: string } {
  const at = addr.indexOf(':');
  return { kind: at < 0 ? addr : addr.slice(0, at), id: at < 0 ? '' : addr.slice(at + 1) };
}

/** A node's anchor; a broker's is its chip of `partition` when it has one, else its header. */
export function anchorOf(model: RouteModel, addr: string, partition: string | null): Point | null {
  const { kind, id } = parse(addr);
  if (kind === 'broker') {
    const chip = partition !== null ? model.chips[`${partition}@${id}`] : undefined;
    if (chip) return { x: chip.cx, y: chip.cy };
    const card = model.brokers[Number(id)];
    return card ? { x: card.cx, y: card.y + card.h * 0.08 } : null;
  }
  if (kind === 'controller') {
    const c = model.controllers[Number(id)] ?? Object.values(model.controllers)[0];
    return c ? { x: c.cx, y: c.cy } : null;
  }
  const c = model.clients[id];
  return c ? { x: c.cx, y: c.cy } : null;
}

/** An idle long poll: drawn as the follower's waiting clock, not as a dot. */
export function isIdlePoll(m: Pick<MessageView, 'kind' | 'records' | 'error'>): boolean {
  if (m.kind === 'fetch' || m.kind === 'consumerFetch') return true;
  return (
    (m.kind === 'fetchResponse' || m.kind === 'consumerFetchResponse') &&
    m.records === 0 &&
    !m.error
  );
}

/** Kinds kept while one partition is followed even when they name no partition. */
const CONTEXT_KINDS = new Set(['metadata', 'metadataResponse', 'metadataUpdate']);

/**
 * The routes of one message: one per partition it carries records for (a fetch answer may carry
 * several), only the followed partition's when one is followed (other traffic is hidden).
 */
export function routesOf(model: RouteModel, m: MessageView, focus: string | null): Route[] {
  const parts = m.about ? m.about.split(',') : [];
  if (focus !== null) {
    if (parts.includes(focus)) return route(model, m, focus);
    if (!CONTEXT_KINDS.has(m.kind)) return [];
    // a metadata update only to the brokers that host the followed partition
    if (
      m.kind === 'metadataUpdate' &&
      !model.chips[`${focus}@${m.to.slice(m.to.indexOf(':') + 1)}`]
    )
      return [];
    return route(model, m, null);
  }
  if (parts.length === 0) return route(model, m, null);
  const out: Route[] = [];
  for (const p of parts.slice(0, 4)) out.push(...route(model, m, p));
  return out;
}

function route(model: RouteModel, m: MessageView, partition: string | null): Route[] {
  const from = anchorOf(model, m.from, partition);
  const to = anchorOf(model, m.to, partition);
  return from && to ? [{ from, to, partition }] : [];
}
