// A share link's payload is read in the worker: whatever is wrong in it is named by its path.
import { describe, expect, it } from 'vitest';
import { checkRun, checkShare } from './recorded-run';

const shared = {
  v: 1,
  scenario: { format: 'kafka-replication-scenario/1', title: 'x', cluster: { brokers: 3 } },
  timings: 'demo',
  run: { at: 5000, commands: [{ t: 1000, d: 4, command: { type: 'kill', broker: 2 } }] },
};
const withRun = (commands: unknown[], extra: object = {}) => ({
  ...shared,
  run: { at: 5000, commands, ...extra },
});

describe('a share link payload, read by the worker', () => {
  it('accepts a run and reads its commands with the action vocabulary', () => {
    expect(checkShare(shared)).toEqual({
      ok: true,
      value: {
        ...shared,
        run: {
          at: 5000,
          commands: [{ t: 1000, d: 4, command: { type: 'kill', broker: 2 }, fromScript: false }],
        },
      },
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', null, 'the link does not hold a run'],
    ['another version', { ...shared, v: 2 }, 'the link is of version 2; this app reads version 1'],
    ['unknown timings', { ...shared, timings: 'fast' }, 'timings: expected "kafka" or "demo"'],
    [
      'a negative lesson step',
      { ...shared, lesson: { id: 'acks1-loss', step: -1 } },
      'lesson.step: expected a step number',
    ],
    ['no run', { ...shared, run: 'x' }, 'run: expected { at, commands }'],
    [
      'a command of no type',
      withRun([{ t: 1, d: 1, command: { type: 'explode' } }]),
      'run.commands[0].command.type: expected one of produce,',
    ],
    [
      'a bad field of a command',
      withRun([{ t: 1, d: 1, command: { type: 'kill', broker: 'two' } }]),
      'run.commands[0].command.broker: expected a broker id',
    ],
    [
      'a misspelt field of a command',
      withRun([{ t: 1, d: 1, command: { type: 'kill', brokr: 2 } }]),
      'run.commands[0].command.brokr: unknown field of kill; did you mean broker?',
    ],
    [
      'commands out of order',
      withRun([
        { t: 3, d: 2, command: { type: 'kill', broker: 1 } },
        { t: 1, d: 1, command: { type: 'kill', broker: 2 } },
      ]),
      'run.commands[1]: commands must be in order of time',
    ],
    [
      'a command after the end',
      withRun([{ t: 6000, d: 1, command: { type: 'kill', broker: 1 } }]),
      'run.commands[0].t: after run.at',
    ],
    [
      'pending commands without a dispatch count',
      withRun([], { pending: [{ command: { type: 'kill', broker: 1 } }] }),
      'run.pending: expected a short list of commands (with run.d)',
    ],
  ])('refuses %s, naming it', (_name, payload, error) => {
    const checked = checkShare(payload);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toMatch(
      new RegExp(`^${error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('caps the simulated time and the number of commands', () => {
    expect(checkRun({ at: 25 * 3600_000, commands: [] })).toEqual({
      ok: false,
      error: 'run.at: 25 h of simulated time is more than the cap of 24 h',
    });
    const command = { t: 0, d: 0, command: { type: 'kill', broker: 1 } };
    expect(checkRun({ at: 0, commands: Array(100_001).fill(command) })).toEqual({
      ok: false,
      error: 'run.commands: 100001 commands is more than the cap of 100000',
    });
  });
});
