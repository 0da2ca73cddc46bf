import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, type SharedRun } from './share';
import { checkRun, checkShare } from '../worker/recorded-run';

const shared: SharedRun = {
  v: 1,
  scenario: { format: 'kafka-replication-scenario/1', title: 'x', cluster: { brokers: 3 } },
  timings: 'demo',
  run: {
    at: 12_345,
    commands: [{ t: 1000, d: 42, command: { type: 'kill', broker: 2 }, fromScript: false }],
  },
  lesson: { id: 'acks1-loss', step: 3 },
};

/** A link as the app opens it: unpacked on the page, its payload checked by the worker. */
async function open(text: string) {
  const decoded = await decodeShare(text);
  return decoded.ok ? checkShare(decoded.value) : decoded;
}

describe('share links', () => {
  it('round-trips a run through the URL-safe encoding', async () => {
    const text = await encodeShare(shared);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await open(text)).toEqual({ ok: true, value: shared });
  });

  it('names what is wrong with a truncated, tampered or foreign link', async () => {
    const text = await encodeShare(shared);
    const cut = await open(text.slice(0, Math.floor(text.length / 2)));
    expect(cut.ok).toBe(false);
    expect((await open('not base64!')).ok).toBe(false);
    const other = await encodeShare({ ...shared, v: 2 });
    expect(await open(other)).toEqual({
      ok: false,
      error: 'the link is of version 2; this app reads version 1',
    });
    const noRun = await encodeShare({ ...shared, run: null as never });
    expect(await open(noRun)).toEqual({
      ok: false,
      error: 'run: expected { at, commands }',
    });
  });

  it('never throws on random text', async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(rand() * 200);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const r = await open(s);
      expect(r.ok).toBe(false);
    }
  });
});

describe('share links under 10,000 mutations', () => {
  it('never throw: truncated, tampered or random links are answered with a reason', async () => {
    const text = await encodeShare(shared);
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/!';
    for (let i = 0; i < 10_000; i++) {
      const at = Math.floor(rand() * text.length);
      const mutated =
        rand() < 0.5
          ? text.slice(0, at)
          : text.slice(0, at) + alphabet[Math.floor(rand() * alphabet.length)] + text.slice(at + 1);
      const r = await open(mutated);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
    }
  }, 60_000); // 10,000 decodes: about 3 s unloaded, an explicit limit for a loaded machine

  it('holds what the scenario format allows: 249-character topic names, long values, long lists', async () => {
    const topic = 't'.repeat(249);
    const run = {
      at: 5000,
      commands: [
        {
          t: 10,
          d: 3,
          command: {
            type: 'produce',
            client: 'P',
            topic,
            records: Array.from({ length: 2000 }, (_, i) => `${i}-${'v'.repeat(300)}`),
          },
          fromScript: false,
        },
      ],
    };
    const decoded = await open(await encodeShare({ ...shared, run }));
    expect(decoded.ok).toBe(true);
    expect(checkRun(run)).toMatchObject({ ok: true });
    const tooLong = {
      ...run,
      commands: [
        {
          ...run.commands[0]!,
          command: { type: 'produce', client: 'P', topic: `${topic}x`, records: ['a'] },
        },
      ],
    };
    expect(checkRun(tooLong)).toEqual({
      ok: false,
      error: 'run.commands[0].command.topic: expected a topic name',
    });
    expect(checkRun({ at: 25 * 3600_000, commands: [] })).toEqual({
      ok: false,
      error: 'run.at: 25 h of simulated time is more than the cap of 24 h',
    });
  });
});
