// Every message the page sends is checked before the worker acts on it: a malformed one is
// refused with a message naming what is wrong, and the simulation keeps running. Never throws.
import type { ToWorker } from '../protocol/messages';
import { checkCommand } from '../scenario/vocabulary';

/** "Run until" looks this far ahead at most (it runs in one go). */
export const MAX_RUN_UNTIL_MS = 3_600_000;

type Checked = { ok: true; message: ToWorker } | { ok: false; error: string };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown): v is number => Number.isSafeInteger(v);
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length <= 1000;

/** Checks each field of a message type: a predicate and what was expected. */
const FIELDS: Record<ToWorker['type'], Record<string, [(v: unknown) => boolean, string]>> = {
  init: {
    protocolVersion: [int, 'an integer'],
    timings: [(v) => v === 'kafka' || v === 'demo', '"kafka" or "demo"'],
    playing: [(v) => typeof v === 'boolean', 'true or false'],
    scenario: [() => true, 'a scenario'],
  },
  exportRun: { requestId: [int, 'an integer'] },
  parse: {
    requestId: [int, 'an integer'],
    format: [
      (v) => v === 'scenarioText' || v === 'scenario' || v === 'lesson' || v === 'describe',
      '"scenarioText", "scenario", "lesson" or "describe"',
    ],
    input: [() => true, 'the input to parse'],
  },
  command: { command: [() => true, 'a command'] },
  play: {},
  pause: {},
  setSpeed: { speed: [(v) => finite(v) && v > 0, 'a positive number'] },
  step: {},
  playUntil: {
    id: [int, 'an integer'],
    until: [
      (v) => typeof v === 'object' && v !== null && ('event' in v || 'walk' in v || 'ms' in v),
      'an event, a walk hop or ms to wait for',
    ],
  },
  skipUntil: {},
  runUntilEvent: {
    event: [shortString, 'an event type'],
    limitMs: [
      (v) => finite(v) && v >= 0 && v <= MAX_RUN_UNTIL_MS,
      `a number of ms from 0 to ${MAX_RUN_UNTIL_MS}`,
    ],
  },
  advance: { ms: [(v) => finite(v) && v >= 0, 'a number of ms >= 0'] },
  inspect: { partition: [(v) => v === null || shortString(v), 'a partition name or null'] },
  seek: { t: [(v) => finite(v) && v >= 0, 'a simulated time >= 0'] },
  stepBack: {},
  selectBranch: { branch: [(v) => int(v) && v >= 0, 'a branch number'] },
  walk: { record: [(v) => v === null || shortString(v), 'a record value, "next" or null'] },
  compare: {
    variant: [(v) => v === null || v === 'acks' || v === 'unclean', '"acks", "unclean" or null'],
  },
  debugFail: {},
  debugProbe: {},
  ping: {},
  viewAck: { version: [int, 'an integer'] },
};

export function checkMessage(raw: unknown): Checked {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'expected a message object' };
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(FIELDS, m.type))
    return { ok: false, error: `type: expected one of ${Object.keys(FIELDS).join(', ')}` };
  const type = m.type as ToWorker['type'];
  for (const [key, [check, expected]] of Object.entries(FIELDS[type])) {
    if (!check(m[key])) return { ok: false, error: `${type}.${key}: expected ${expected}` };
  }
  for (const key of ['load', 'runBase'] as const) {
    if (type === 'init' && m[key] !== undefined && !int(m[key]))
      return { ok: false, error: `init.${key}: expected an integer` };
  }
  if (type === 'command') {
    const checked = checkCommand(m.command, 'command');
    if (!checked.ok) return checked;
  }
  return { ok: true, message: m as unknown as ToWorker };
}
