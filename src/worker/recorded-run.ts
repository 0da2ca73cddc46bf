// A recorded run from outside the worker, and the share link that carries one: their shapes in
// valibot (the commands are the action vocabulary's), read here in the worker. What a shape
// cannot say is checked by hand: the caps, and that commands are in order of time. The page only
// unpacks a link (client/share.ts); a mangled one is refused here with what is wrong.
import * as v from 'valibot';
import { SHARE_VERSION } from '../protocol/messages';
import { closed, field, int } from '../schema-kit/kit';
import { readFirst } from '../schema-kit/read';
import { COMMAND } from '../scenario/vocabulary';
import type { Command } from '../engine/index';
import type { LoggedCommand } from './history';

/** The longest simulated time a run may reach (24 h): longer links are refused, play stops there. */
export const MAX_SIM_TIME_MS = 24 * 3600_000;
/** The most commands a recorded run may hold. */
const MAX_RUN_COMMANDS = 100_000;

/** A logged command; `debugThrow` (test hook) makes its replay fail as it did the first time. */
export type ReplayCommand = LoggedCommand & { debugThrow?: boolean };

export interface CheckedRun {
  at: number;
  d?: number;
  commands: ReplayCommand[];
}

const hours = (ms: number) =>
  `${(ms / 3600_000).toLocaleString('en', { maximumFractionDigits: 1 })} h`;
const cap = <T>(over: (x: T) => string | null) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    const message = dataset.typed && over(dataset.value);
    if (message) addIssue({ message });
  });

const time = field(int(0), 'a simulated time in ms');
const count = field(int(0), 'a dispatch count');
const RUN = closed(
  {
    at: v.pipe(
      time,
      cap((at: number) =>
        at > MAX_SIM_TIME_MS
          ? `${hours(at)} of simulated time is more than the cap of ${hours(MAX_SIM_TIME_MS)}`
          : null,
      ),
    ),
    d: v.optional(count),
    commands: field(
      v.pipe(
        v.array(
          closed(
            { t: time, d: count, command: COMMAND, fromScript: v.optional(v.unknown()) },
            '{ t, d, command }',
            { open: true },
          ),
        ),
        v.rawCheck(({ dataset, addIssue }) => {
          const n = dataset.typed ? dataset.value.length : 0;
          if (n > MAX_RUN_COMMANDS)
            addIssue({ message: `${n} commands is more than the cap of ${MAX_RUN_COMMANDS}` });
        }),
      ),
      'a list of commands',
    ),
    // commands sent just before a failure, never confirmed: given again at the end of the run
    pending: v.optional(
      field(
        v.pipe(
          v.array(
            closed({ command: COMMAND, debugThrow: v.optional(v.unknown()) }, '{ command }', {
              open: true,
            }),
          ),
          v.maxLength(100),
        ),
        'a short list of commands (with run.d)',
      ),
    ),
  },
  '{ at, commands }',
  { open: true },
);

const SHARE = closed(
  {
    v: v.literal(SHARE_VERSION),
    scenario: field(v.unknown(), 'a scenario'),
    timings: field(v.picklist(['kafka', 'demo']), '"kafka" or "demo"'),
    run: RUN,
    /** a lesson and the step to open it at */
    lesson: v.optional(
      closed(
        { id: field(v.string(), 'a lesson id'), step: field(int(0), 'a step number') },
        '{ id, step }',
        { open: true },
      ),
    ),
  },
  'a shared run',
  { open: true },
);

type Checked<T> = { ok: true } & T;
type Refused = { ok: false; error: string };

/** Checks a recorded run from outside; the error names the field or the cap. */
export function checkRun(raw: unknown): Checked<{ run: CheckedRun }> | Refused {
  const read = readFirst(RUN, raw, 'run');
  return read.ok ? ordered(read.value) : read;
}

/** Checks the payload of a share link (unpacked by the page); the error says what is wrong. */
export function checkShare(raw: unknown): Checked<{ value: unknown }> | Refused {
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, error: 'the link does not hold a run' };
  const version = (raw as { v?: unknown }).v;
  if (version !== SHARE_VERSION)
    return {
      ok: false,
      error: `the link is of version ${String(version)}; this app reads version ${SHARE_VERSION}`,
    };
  const read = readFirst(SHARE, raw, '');
  if (!read.ok) return read;
  const run = ordered(read.value.run);
  return run.ok ? { ok: true, value: { ...read.value, run: run.run } } : run;
}

/** The commands in order of time, none after the run's end; pending ones at the end. */
function ordered(run: v.InferOutput<typeof RUN>): Checked<{ run: CheckedRun }> | Refused {
  const { at, d } = run;
  const log: ReplayCommand[] = [];
  let last = { t: 0, d: 0 };
  for (const [i, c] of run.commands.entries()) {
    const where = `run.commands[${i}]`;
    if (c.d < last.d || (c.d === last.d && c.t < last.t))
      return { ok: false, error: `${where}: commands must be in order of time` };
    if (c.t > at) return { ok: false, error: `${where}.t: after run.at` };
    log.push({ t: c.t, d: c.d, command: c.command as Command, fromScript: c.fromScript === true });
    last = c;
  }
  if (run.pending && d === undefined)
    return { ok: false, error: 'run.pending: expected a short list of commands (with run.d)' };
  for (const p of run.pending ?? [])
    log.push({
      t: at,
      d: d!,
      command: p.command as Command,
      fromScript: false,
      ...(p.debugThrow === true ? { debugThrow: true } : {}),
    });
  return { ok: true, run: { at, ...(d !== undefined ? { d } : {}), commands: log } };
}
