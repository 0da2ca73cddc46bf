// Every message the page sends is checked before the worker acts on it: a malformed one is
// refused with a message naming what is wrong, and the simulation keeps running. Never throws.
// The fields of each message type are valibot shapes, as the action vocabulary's are.
import * as v from 'valibot';
import type { ToWorker } from '../protocol/messages';
import { closed, field, int } from '../schema-kit/kit';
import { readFirst } from '../schema-kit/read';
import { checkCommand } from '../scenario/vocabulary';

/** "Run until" looks this far ahead at most (it runs in one go). */
export const MAX_RUN_UNTIL_MS = 3_600_000;

type Checked = { ok: true; message: ToWorker } | { ok: false; error: string };

const integer = field(v.pipe(v.number(), v.safeInteger()), 'an integer');
// (NaN fails the minimum, Infinity the maximum)
const ms = (what: string, max = Number.MAX_VALUE) =>
  field(v.pipe(v.number(), v.minValue(0), v.maxValue(max)), what);
const shortString = v.pipe(v.string(), v.maxLength(1000));
const anything = v.unknown();

/** The fields of each message type (others pass: the handler reads only these). */
const FIELDS: Record<ToWorker['type'], v.ObjectEntries> = {
  init: {
    protocolVersion: integer,
    timings: field(v.picklist(['kafka', 'demo']), '"kafka" or "demo"'),
    playing: field(v.boolean(), 'true or false'),
    scenario: anything,
    load: v.optional(integer),
    runBase: v.optional(integer),
  },
  exportRun: { requestId: integer },
  parse: {
    requestId: integer,
    format: field(
      v.picklist(['scenarioText', 'scenario', 'lesson', 'describe', 'share']),
      '"scenarioText", "scenario", "lesson", "describe" or "share"',
    ),
    input: anything,
  },
  command: { command: anything },
  play: {},
  pause: {},
  setSpeed: {
    speed: field(
      v.pipe(
        v.number(),
        v.check((s) => s > 0 && Number.isFinite(s)),
      ),
      'a positive number',
    ),
  },
  step: {},
  playUntil: {
    id: integer,
    until: field(
      v.union([
        v.looseObject({ event: v.unknown() }),
        v.looseObject({ walk: v.unknown() }),
        v.looseObject({ ms: v.unknown() }),
      ]),
      'an event, a walk hop or ms to wait for',
    ),
  },
  skipUntil: {},
  runUntilEvent: {
    event: field(shortString, 'an event type'),
    limitMs: ms(`a number of ms from 0 to ${MAX_RUN_UNTIL_MS}`, MAX_RUN_UNTIL_MS),
  },
  advance: { ms: ms('a number of ms >= 0') },
  inspect: { partition: field(v.nullable(shortString), 'a partition name or null') },
  seek: { t: ms('a simulated time >= 0') },
  stepBack: {},
  selectBranch: { branch: field(int(0), 'a branch number') },
  walk: { record: field(v.nullable(shortString), 'a record value, "next" or null') },
  compare: {
    variant: field(v.nullable(v.picklist(['acks', 'unclean'])), '"acks", "unclean" or null'),
  },
  debugFail: {},
  debugProbe: {},
  ping: {},
  viewAck: { version: integer },
};

const SHAPES = Object.fromEntries(
  Object.entries(FIELDS).map(([type, fields]) => [
    type,
    closed(fields, 'a message', { open: true }),
  ]),
) as unknown as Record<ToWorker['type'], v.GenericSchema>;

export function checkMessage(raw: unknown): Checked {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'expected a message object' };
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(FIELDS, m.type))
    return { ok: false, error: `type: expected one of ${Object.keys(FIELDS).join(', ')}` };
  const type = m.type as ToWorker['type'];
  const read = readFirst(SHAPES[type], m, type);
  if (!read.ok) return read;
  if (type === 'command') {
    const checked = checkCommand(m.command, 'command');
    if (!checked.ok) return checked;
  }
  return { ok: true, message: m as unknown as ToWorker };
}
