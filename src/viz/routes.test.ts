import { describe, expect, it } from 'vitest';
import { isIdlePoll, routesOf, type RouteModel } from './routes';
import type { MessageView } from '../protocol/view';

const box = (x: number, y: number) => ({ x, y, w: 10, h: 10, cx: x + 5, cy: y + 5 });
const model: RouteModel = {
  brokers: { 1: box(100, 0), 2: box(200, 0) },
  controllers: { 101: box(150, -50) },
  clients: { producer: box(0, 0) },
  chips: { 't-0@1': box(110, 20), 't-0@2': box(210, 20), 't-1@2': box(210, 40) },
};
const msg = (m: Partial<MessageView>): MessageView => ({
  id: 1,
  kind: 'produce',
  from: 'client:producer',
  to: 'broker:1',
  sentAt: 0,
  deliverAt: 10,
  records: 1,
  error: false,
  about: 't-0',
  label: 'r1',
  ...m,
});

describe('message routes', () => {
  it('a produce goes from the producer to the leader replica chip', () => {
    expect(routesOf(model, msg({}), null)).toEqual([
      { from: { x: 5, y: 5 }, to: { x: 115, y: 25 }, partition: 't-0' },
    ]);
  });
  it('a fetch answer with records goes from the leader chip to the follower chip', () => {
    const m = msg({ kind: 'fetchResponse', from: 'broker:1', to: 'broker:2', about: 't-0' });
    expect(routesOf(model, m, null)[0]).toMatchObject({
      from: { x: 115, y: 25 },
      to: { x: 215, y: 25 },
    });
  });
  it('following a partition hides the traffic of the others', () => {
    const other = msg({ kind: 'fetchResponse', from: 'broker:2', to: 'broker:1', about: 't-1' });
    expect(routesOf(model, other, 't-0')).toEqual([]);
    const update = msg({
      kind: 'metadataUpdate',
      from: 'controller:101',
      to: 'broker:1',
      about: '',
    });
    expect(routesOf(model, update, 't-0')).toHaveLength(1);
    const elsewhere = msg({
      kind: 'metadataUpdate',
      from: 'controller:101',
      to: 'broker:3',
      about: '',
    });
    expect(routesOf(model, elsewhere, 't-0')).toEqual([]); // broker 3 hosts no replica of t-0
    const heartbeat = msg({ kind: 'heartbeat', from: 'broker:1', to: 'controller:101', about: '' });
    expect(routesOf(model, heartbeat, 't-0')).toEqual([]);
  });
  it('an empty long poll is a waiting state, not a dot', () => {
    expect(isIdlePoll({ kind: 'fetch', records: 0, error: false })).toBe(true);
    expect(isIdlePoll({ kind: 'fetchResponse', records: 0, error: false })).toBe(true);
    expect(isIdlePoll({ kind: 'fetchResponse', records: 2, error: false })).toBe(false);
    expect(isIdlePoll({ kind: 'fetchResponse', records: 0, error: true })).toBe(false);
  });
});
