// The worker transport without a Worker: the runner served on one end of a MessageChannel,
// the client on the other.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { serveRunner, type Port } from './port';
import { DEAD_AFTER_MS, PING_MS, connectSimClient, type WorkerPort } from '../client/sim-client';
import type { View } from '../protocol/view';

function channel() {
  const { port1, port2 } = new MessageChannel();
  const asPort = (p: typeof port1) => {
    const wrapper = {
      postMessage: (m: unknown) => p.postMessage(m),
      onmessage: null as null | ((e: { data: never }) => void),
    };
    p.on('message', (data) => wrapper.onmessage?.({ data: data as never }));
    return wrapper;
  };
  return {
    worker: asPort(port1) as unknown as Port,
    ui: asPort(port2) as unknown as WorkerPort,
    close: () => (port1.close(), port2.close()),
  };
}

function fakeClock() {
  let now = 0;
  let tick: (() => void) | null = null;
  return {
    clock: {
      now: () => now,
      every: (_ms: number, f: () => void) => ((tick = f), () => (tick = null)),
    },
    advance: (ms: number) => ((now += ms), tick?.()),
  };
}

// Polls until the channel delivered (a loaded 2-core machine can take seconds to load and
// validate a scenario); fails with the condition still false after the bound.
const waitFor = (cond: () => boolean) =>
  vi.waitFor(() => expect(cond()).toBe(true), { timeout: 10_000, interval: 2 });

// each test's bound is several waits: a loaded machine meets it
describe('worker transport', { timeout: 30_000 }, () => {
  it('init, views after acknowledgement, commands and errors travel the channel', async () => {
    const { worker, ui, close } = channel();
    const { clock, advance } = fakeClock();
    const stop = serveRunner(worker, clock);
    const views: View[] = [];
    const errors: string[] = [];
    let ready = false;
    const client = connectSimClient(ui, {
      onView: (v) => views.push(v),
      onError: (m) => errors.push(m),
      onReady: () => (ready = true),
      frame: (f) => f(),
      now: () => 0,
    });
    client.load(
      JSON.parse(readFileSync('src/data/scenarios/three-brokers.json', 'utf8')),
      'kafka',
      false,
    );
    await waitFor(() => ready && views.length === 1);
    expect(views[0]!.brokers.map((b) => b.id)).toEqual([1, 2, 3]);

    client.send({ type: 'command', command: { type: 'kill', broker: 2 } });
    await waitFor(() => views.length === 2);
    expect(views[1]!.brokers.find((b) => b.id === 2)!.status).toBe('down');

    client.send({ type: 'play' });
    client.send({ type: 'setSpeed', speed: 10 });
    await waitFor(() => views.some((v) => v.playing && v.speed === 10));
    advance(100); // 100 ms of wall time at 10x
    await waitFor(() => views.some((v) => v.time === 1000));

    client.send({ type: 'command', command: { type: 'kill', broker: 42 } });
    await waitFor(() => errors.length === 1);
    expect(errors[0]).toMatch(/broker 42/);

    client.load({ format: 'nope' }, 'kafka', false);
    await waitFor(() => errors.length === 2);
    expect(errors[1]).toMatch(/format/);
    stop();
    close();
  });

  it('a view that fails to draw is still acknowledged: the next one comes', async () => {
    const { worker, ui, close } = channel();
    const { clock } = fakeClock();
    const stop = serveRunner(worker, clock);
    const views: View[] = [];
    const errors: string[] = [];
    const client = connectSimClient(ui, {
      onView: (v) => {
        views.push(v);
        if (views.length === 1) throw new Error('a malformed view');
      },
      onError: (m) => errors.push(m),
      frame: (f) => f(),
      now: () => 0,
    });
    client.load(
      JSON.parse(readFileSync('src/data/scenarios/three-brokers.json', 'utf8')),
      'kafka',
      false,
    );
    await waitFor(() => views.length === 1);
    expect(errors).toEqual(['A view could not be shown: a malformed view']);
    client.send({ type: 'command', command: { type: 'kill', broker: 2 } });
    await waitFor(() => views.length === 2);
    stop();
    close();
  });

  it('a worker that stops answering is reported dead within the bound', async () => {
    const { ui, close } = channel(); // nobody serves the other end: a dead worker
    let now = 0;
    let tick: () => void = () => undefined;
    const dead: string[] = [];
    connectSimClient(ui, {
      onView: () => undefined,
      onError: () => undefined,
      onDead: (reason) => dead.push(reason),
      frame: (f) => f(),
      now: () => now,
      every: (_ms, f) => ((tick = f), () => undefined),
    });
    for (let t = 0; t <= DEAD_AFTER_MS; t += PING_MS) {
      now = t;
      tick();
    }
    expect(dead).toEqual([]);
    now += PING_MS;
    tick();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatch(/stopped answering/);
    close();
  });
});
