// Whatever the page sends, the simulation goes on: 10,000 random and near-miss messages, not one
// of them fatal, and the run still answers afterwards.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { serveRunner, type Port } from './port';
import { checkMessage } from './check-message';
import type { FromWorker } from '../protocol/messages';

const scenario = JSON.parse(
  readFileSync(new URL('../data/scenarios/three-brokers.json', import.meta.url), 'utf8'),
) as unknown;

/** A port driven in-thread: views are acknowledged at once (as a drawing UI would). */
function harness() {
  const out: FromWorker[] = [];
  const port: Port = {
    onmessage: null,
    postMessage: (m) => {
      out.push(m);
      if (m.type === 'view')
        queueMicrotask(() =>
          port.onmessage?.({ data: { type: 'viewAck', version: m.view.version } }),
        );
    },
  };
  let now = 0;
  const stop = serveRunner(port, { now: () => now, every: () => () => undefined });
  const send = (data: unknown) => port.onmessage?.({ data });
  return { out, send, stop, tick: (ms: number) => (now += ms) };
}

const weird = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -1, 0, 1e308, '', 'x', true, [], {}),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ min: -10, max: 1000 }),
  fc.string({ maxLength: 20 }),
);
/** malformed values for a duration (a valid huge one would only make the test long) */
const badMs = fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -1, '', 'x', true, [], {});
const types = [
  'init',
  'exportRun',
  'command',
  'play',
  'pause',
  'setSpeed',
  'step',
  'runUntilEvent',
  'advance',
  'inspect',
  'seek',
  'stepBack',
  'selectBranch',
  'walk',
  'compare',
  'viewAck',
  'ping',
  'nope',
] as const;
const commandTypes = [
  'produce',
  'kill',
  'restart',
  'stop',
  'heal',
  'setConfig',
  'subscribe',
  'bogus',
];
const nearMiss = fc.record(
  {
    type: fc.constantFrom(...types),
    ms: fc.oneof(badMs, fc.integer({ min: 0, max: 200 })),
    t: weird,
    speed: weird,
    event: fc.oneof(weird, fc.constantFrom('leaderElected', 'isrShrunk')),
    limitMs: fc.oneof(weird, fc.integer({ min: 0, max: 500 })),
    partition: fc.oneof(weird, fc.constantFrom('t-0')),
    branch: weird,
    record: weird,
    variant: fc.oneof(weird, fc.constantFrom('acks', null)),
    requestId: weird,
    version: weird,
    protocolVersion: fc.constantFrom(1, 2, NaN),
    timings: fc.constantFrom('demo', 'kafka', 'x'),
    playing: fc.oneof(fc.boolean(), weird),
    scenario: fc.oneof(weird, fc.constant(scenario), fc.anything({ maxDepth: 2 })),
    command: fc.oneof(
      weird,
      fc.record(
        {
          type: fc.constantFrom(...commandTypes),
          broker: weird,
          client: fc.oneof(weird, fc.constantFrom('P')),
          topic: fc.oneof(weird, fc.constantFrom('t')),
          records: fc.oneof(weird, fc.array(fc.oneof(fc.string(), weird), { maxLength: 3 })),
          config: weird,
          scope: fc.oneof(weird, fc.constantFrom('topic')),
        },
        { requiredKeys: ['type'] },
      ),
    ),
  },
  { requiredKeys: ['type'] },
);
const message = fc.oneof(nearMiss, nearMiss, fc.anything({ maxDepth: 3 }));

describe('messages from the page', () => {
  it('the listed malformed messages are refused with a message', () => {
    const h = harness();
    h.send({ type: 'init', protocolVersion: 1, scenario, timings: 'demo', playing: false });
    for (const bad of [
      null,
      {},
      'a string',
      { type: 'command', command: null },
      { type: 'command', command: { type: 'produce', client: 'P', topic: 't', records: null } },
      { type: 'setSpeed', speed: NaN },
      { type: 'seek', t: NaN },
    ]) {
      expect(checkMessage(bad).ok).toBe(false);
      h.out.length = 0;
      h.send(bad);
      expect(h.out).toEqual([
        expect.objectContaining({
          type: 'error',
          fatal: false,
          message: expect.stringContaining('refused'),
        }),
      ]);
    }
    h.stop();
  });

  it('10,000 random messages: none is fatal and the run still answers', async () => {
    const h = harness();
    h.send({ type: 'init', protocolVersion: 1, scenario, timings: 'demo', playing: true });
    const samples = fc.sample(message, { numRuns: 10_000, seed: 17 });
    for (const m of samples) {
      h.send(m);
      h.tick(5);
      if (h.out.length > 1000) h.out.splice(0, h.out.length - 10);
      const fatal = h.out.find((o) => o.type === 'error' && o.fatal);
      if (fatal) throw new Error(`fatal after ${JSON.stringify(m)}: ${JSON.stringify(fatal)}`);
    }
    // long jumps run in slices: let them finish, then the run must still answer
    await new Promise((r) => setTimeout(r, 50));
    h.out.length = 0;
    h.send({ type: 'ping' });
    expect(h.out).toContainEqual({ type: 'pong' });
    h.send({ type: 'init', protocolVersion: 1, scenario, timings: 'demo', playing: false });
    h.send({ type: 'advance', ms: 500 });
    await new Promise((r) => setTimeout(r, 20));
    const views = h.out.flatMap((o) => (o.type === 'view' ? [o.view.time] : []));
    expect(views.at(-1)).toBe(500);
    h.stop();
  }, 120_000);
});
