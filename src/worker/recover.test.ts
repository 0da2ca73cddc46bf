// Recovery: the log and position the UI keeps (from the views), replayed by a fresh worker, give
// the same state at the same engine position; a command that fails again stops the run before it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { serveRunner, type Port } from './port';
import type { FromWorker, RecordedRun } from '../protocol/messages';
import type { View } from '../protocol/view';
import { SimRunner } from './runner';
import { checkRun } from './recorded-run';
import { replayRun } from './recover';

const lecture = JSON.parse(
  readFileSync(new URL('../data/scenarios/lecture.json', import.meta.url), 'utf8'),
) as unknown;

/** A worker served in-thread with real timers; views are acknowledged as a UI would. */
function worker() {
  const out: FromWorker[] = [];
  const port: Port = {
    onmessage: null,
    postMessage: (m) => {
      out.push(m);
      if (m.type === 'view')
        setTimeout(() => port.onmessage?.({ data: { type: 'viewAck', version: m.view.version } }));
    },
  };
  const stop = serveRunner(port, {
    now: () => performance.now(),
    every: (ms, f) => {
      const id = setInterval(f, ms);
      return () => clearInterval(id);
    },
  });
  const views = () => out.flatMap((m) => (m.type === 'view' ? [m] : []));
  const viewAt = async (t: number) => {
    for (;;) {
      const last = views().at(-1);
      if (last?.view.time === t) return last;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { out, views, viewAt, stop, send: (m: unknown) => port.onmessage?.({ data: m }) };
}

/** What the UI keeps: the log deltas and the position of the latest view. */
function kept(w: ReturnType<typeof worker>): RecordedRun & { d: number } {
  const log: RecordedRun['commands'] = [];
  let applied = 0;
  let at = { t: 0, d: 0 };
  for (const m of w.views()) {
    if (m.log) {
      log.length = m.log.from;
      log.push(...m.log.entries);
      applied = m.log.applied;
    }
    if (m.at) at = m.at;
  }
  return { at: at.t, d: at.d, commands: log.slice(0, applied) };
}

const essentials = (v: View) => ({
  time: v.time,
  brokers: v.brokers.map((b) => [b.id, b.status]),
  offsets: v.offsets,
  clients: v.clients.map((c) => [c.id, c.acked, c.failed]),
});

describe('recovery', () => {
  it('replays the kept log to the exact engine position of the last view', async () => {
    const a = worker();
    a.send({
      type: 'init',
      protocolVersion: 1,
      scenario: lecture,
      timings: 'demo',
      playing: false,
    });
    a.send({ type: 'advance', ms: 30_000 });
    await a.viewAt(30_000);
    a.send({ type: 'command', command: { type: 'kill', broker: 4 }, seq: 1 });
    a.send({ type: 'advance', ms: 60_000 });
    const before = await a.viewAt(90_000);
    a.stop();
    const run = kept(a);
    expect(run.commands.map((c) => (c.command as { type: string }).type)).toEqual([
      'produceStream',
      'subscribe',
      'kill',
    ]);
    const b = worker();
    b.send({
      type: 'init',
      protocolVersion: 1,
      scenario: lecture,
      timings: 'demo',
      playing: false,
      run,
    });
    const after = await b.viewAt(90_000);
    b.stop();
    expect(after.at).toEqual(before.at);
    expect(essentials(after.view)).toEqual(essentials(before.view));
  }, 60_000);

  it('a command that fails again: the run stops just before it, and the message names it', async () => {
    const a = worker();
    a.send({
      type: 'init',
      protocolVersion: 1,
      scenario: lecture,
      timings: 'demo',
      playing: false,
    });
    a.send({ type: 'advance', ms: 5_000 });
    const before = await a.viewAt(5_000);
    a.stop();
    const run = {
      ...kept(a),
      pending: [{ command: { type: 'kill', broker: 1 }, debugThrow: true }],
    };
    const b = worker();
    b.send({
      type: 'init',
      protocolVersion: 1,
      scenario: lecture,
      timings: 'demo',
      playing: false,
      run,
    });
    const after = await b.viewAt(5_000);
    b.stop();
    expect(essentials(after.view)).toEqual(essentials(before.view));
    expect(b.out).toContainEqual(
      expect.objectContaining({
        type: 'error',
        fatal: false,
        message: expect.stringContaining(
          'the command "kill {"broker":1}" at 5.000 s fails again (a deliberate failure (test hook)); the run stops just before it',
        ),
      }),
    );
  }, 60_000);

  it('the record guard stops a replay too, with a notice naming the cap', async () => {
    const make = () => {
      const created = SimRunner.create(lecture, 'demo');
      if (!created.ok) throw new Error(created.errors.join('; '));
      created.runner.keptRecordsLimit = 500;
      return created.runner;
    };
    const checked = checkRun({
      at: 3_600_000,
      commands: [
        {
          t: 0,
          d: 12,
          command: { type: 'produceStream', client: 'producer', rate: 1000 },
          fromScript: false,
        },
      ],
    });
    if (!checked.ok) throw new Error(checked.error);
    const outcome = await replayRun(make, checked.run, {
      now: () => performance.now(),
      pause: () => Promise.resolve(),
      progress: () => undefined,
      cancelled: () => false,
    });
    if (!outcome?.ok) throw new Error('replay refused');
    expect(outcome.runner.now).toBeLessThan(60_000);
    expect(outcome.notice).toMatch(
      /^The replay stopped at .* s: the simulated cluster keeps .* records, the cap of 500/,
    );
  }, 60_000);
});
