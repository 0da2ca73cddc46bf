// Lessons: a scenario plus narration steps (src/data/lessons/*.json). Each step may act on the
// cluster, focus a partition or a record, and wait for an event of the simulation, a hop of the
// walked record (or for Continue). The last step asks the class a question; playing on reveals
// the answer. A step's `expect` states, in the scenario facts vocabulary, what its narration
// claims; the lesson tests check it once the step's wait is over.
import * as v from 'valibot';
import { ALL_EVENTS, type Command } from '../engine/index';
import { FACTS } from './facts';
import { isObject } from '../schema-kit/issues';
import { closed, either, field, int, keyed } from '../schema-kit/kit';
import { readFirst } from '../schema-kit/read';
import { COMMAND } from './vocabulary';

export const LESSON_FORMAT = 'kafka-replication-lesson/1';

export const WALK_HOPS = ['metadata', 'send', 'append', 'fetch', 'report', 'hw', 'ack', 'consume'];

const name = v.pipe(v.string(), v.regex(/^[\w.-]+$/));
/** absent or null: null */
const nullish = <S extends v.GenericSchema>(s: S) => v.optional(v.nullable(s), null);
/** an object, not an array */
const plainObject = keyed(v.string(), v.unknown());
const hop = field(
  v.pipe(
    v.string(),
    v.check((h) => WALK_HOPS.includes(h.replace(/-\d+$/, ''))),
  ),
  `a hop of the walked record (${WALK_HOPS.join(', ')}, or fetch-<broker>, report-<broker>)`,
);
const eventWait = closed({
  event: field(v.picklist(ALL_EVENTS), `an event name (${ALL_EVENTS.join(', ')})`),
  partition: v.optional(field(v.string(), 'a partition name')),
  broker: v.optional(field(v.pipe(v.number(), v.integer()), 'a broker id')),
  client: v.optional(field(v.string(), 'a client id')),
});
/** a hop of the walked record: a walk step key (send, append, hw, ack, consume, fetch-0) or its prefix (fetch, report) */
const walkWait = closed({ walk: hop });
const step = closed({
  text: field(
    v.pipe(
      v.string(),
      v.check((t) => t.trim() !== ''),
    ),
    'the narration text',
  ),
  do: v.optional(field(v.array(COMMAND), 'a list of commands'), []),
  // an object with "walk" waits for a hop, any other for an event
  waitFor: nullish(either(walkWait, eventWait, (w) => isObject(w) && 'walk' in w)),
  /** simulated ms to play while the step is shown (when it waits for no event) */
  play: v.optional(field(int(0), 'simulated ms (an integer >= 0)'), 0),
  select: nullish(field(v.string(), 'a partition name')),
  walk: nullish(field(v.literal('next'), '"next"')),
  /** facts (scenario `expect` vocabulary) true once the step's wait is over; checked by the tests */
  expect: nullish(closed(FACTS, 'facts (the scenario expect vocabulary)', { unknown: 'fact' })),
});
const lesson = closed({
  format: field(v.literal(LESSON_FORMAT), `"${LESSON_FORMAT}"`),
  id: field(name, 'letters, digits, dots and dashes'),
  title: field(v.string(), 'a string'),
  /** a scenario object, or the name of a file in src/data/scenarios */
  scenario: field(v.union([name, plainObject]), 'a scenario object or the name of a scenario file'),
  timings: v.optional(field(v.picklist(['demo', 'kafka']), '"demo" or "kafka"'), 'demo'),
  steps: field(v.pipe(v.array(step), v.minLength(1)), 'a non-empty list of steps'),
  question: closed({
    ask: field(v.string(), 'the question for the class'),
    reveal: step,
  }),
});

type Read<T> = Omit<T, 'do'> & { do: Command[] };
export type LessonStep = Read<v.InferOutput<typeof step>>;
export type Lesson = Omit<v.InferOutput<typeof lesson>, 'steps' | 'question'> & {
  scenario: unknown;
  steps: LessonStep[];
  question: { ask: string; reveal: LessonStep };
};

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates a lesson file; the error names the field. Never throws. */
export function parseLesson(raw: unknown): Result<Lesson> {
  if (!isObject(raw)) return { ok: false, error: 'expected a lesson object' };
  const read = readFirst(lesson, raw, '');
  if (!read.ok) return read;
  const value = read.value as unknown as Lesson;
  const all = [...value.steps, value.question.reveal];
  let walking = false;
  for (const [i, s] of all.entries()) {
    const where = i < value.steps.length ? `steps[${i}]` : 'question.reveal';
    // a hop of "the walked record" needs a record walked by this step or an earlier one
    walking ||= s.walk !== null;
    if (s.waitFor && 'walk' in s.waitFor && !walking)
      return {
        ok: false,
        error: `${where}.waitFor.walk: no record is walked yet (add "walk": "next" to this step or an earlier one)`,
      };
  }
  return { ok: true, value };
}
