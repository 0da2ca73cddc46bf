// Lessons: a scenario plus narration steps (src/data/lessons/*.json). Each step may act on the
// cluster, focus a partition or a record, and wait for an event of the simulation, a hop of the
// walked record (or for Continue). The last step asks the class a question; playing on reveals
// the answer. A step's `expect` states, in the scenario facts vocabulary, what its narration
// claims; the lesson tests check it once the step's wait is over.
import type { Command } from '../engine/index';
import { ALL_EVENTS } from '../engine';
import { checkCommand } from './vocabulary';

export const LESSON_FORMAT = 'kafka-replication-lesson/1';

export type LessonWait =
  | { event: string; partition?: string; broker?: number; client?: string }
  /** a hop of the walked record: a walk step key (send, append, hw, ack, consume, fetch-0) or its prefix (fetch, report) */
  | { walk: string };

export const WALK_HOPS = ['metadata', 'send', 'append', 'fetch', 'report', 'hw', 'ack', 'consume'];

export interface LessonStep {
  text: string;
  do: Command[];
  waitFor: LessonWait | null;
  /** simulated ms to play while the step is shown (when it waits for no event) */
  play: number;
  select: string | null;
  walk: 'next' | null;
  /** facts (scenario `expect` vocabulary) true once the step's wait is over; checked by the tests */
  expect: Record<string, unknown> | null;
}

export interface Lesson {
  id: string;
  title: string;
  /** a scenario object, or the name of a file in src/data/scenarios */
  scenario: unknown;
  timings: 'kafka' | 'demo';
  steps: LessonStep[];
  question: { ask: string; reveal: LessonStep };
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkStep(raw: unknown, where: string): Result<LessonStep> {
  if (!isObj(raw)) return { ok: false, error: `${where}: expected a step object` };
  if (typeof raw.text !== 'string' || raw.text.trim() === '')
    return { ok: false, error: `${where}.text: expected the narration text` };
  const commands: Command[] = [];
  const list = raw.do ?? [];
  if (!Array.isArray(list)) return { ok: false, error: `${where}.do: expected a list of commands` };
  for (let i = 0; i < list.length; i++) {
    const c = checkCommand(list[i], `${where}.do[${i}]`);
    if (!c.ok) return c;
    commands.push(c.command);
  }
  let waitFor: LessonWait | null = null;
  if (isObj(raw.waitFor) && 'walk' in raw.waitFor) {
    const hop = raw.waitFor.walk;
    if (typeof hop !== 'string' || !WALK_HOPS.includes(hop.replace(/-\d+$/, '')))
      return {
        ok: false,
        error: `${where}.waitFor.walk: expected a hop of the walked record (${WALK_HOPS.join(', ')}, or fetch-<broker>, report-<broker>)`,
      };
    waitFor = { walk: hop };
  } else if (raw.waitFor !== undefined && raw.waitFor !== null) {
    const w = raw.waitFor;
    if (
      !isObj(w) ||
      typeof w.event !== 'string' ||
      !(ALL_EVENTS as readonly string[]).includes(w.event)
    ) {
      return {
        ok: false,
        error: `${where}.waitFor.event: expected an event name (${ALL_EVENTS.join(', ')})`,
      };
    }
    if (w.partition !== undefined && typeof w.partition !== 'string')
      return { ok: false, error: `${where}.waitFor.partition: expected a partition name` };
    if (w.broker !== undefined && !Number.isInteger(w.broker))
      return { ok: false, error: `${where}.waitFor.broker: expected a broker id` };
    if (w.client !== undefined && typeof w.client !== 'string')
      return { ok: false, error: `${where}.waitFor.client: expected a client id` };
    waitFor = {
      event: w.event,
      ...(w.partition !== undefined ? { partition: w.partition as string } : {}),
      ...(w.broker !== undefined ? { broker: w.broker as number } : {}),
      ...(w.client !== undefined ? { client: w.client as string } : {}),
    };
  }
  const play = raw.play ?? 0;
  if (!Number.isInteger(play) || (play as number) < 0)
    return { ok: false, error: `${where}.play: expected simulated ms (an integer >= 0)` };
  if (raw.select !== undefined && typeof raw.select !== 'string')
    return { ok: false, error: `${where}.select: expected a partition name` };
  if (raw.walk !== undefined && raw.walk !== 'next')
    return { ok: false, error: `${where}.walk: expected "next"` };
  if (raw.expect !== undefined && !isObj(raw.expect))
    return { ok: false, error: `${where}.expect: expected facts (the scenario expect vocabulary)` };
  return {
    ok: true,
    value: {
      text: raw.text,
      do: commands,
      waitFor,
      play: play as number,
      select: (raw.select as string) ?? null,
      walk: raw.walk === 'next' ? 'next' : null,
      expect: isObj(raw.expect) ? raw.expect : null,
    },
  };
}

/** Validates a lesson file; the error names the field. Never throws. */
export function parseLesson(raw: unknown): Result<Lesson> {
  if (!isObj(raw)) return { ok: false, error: 'expected a lesson object' };
  if (raw.format !== LESSON_FORMAT)
    return { ok: false, error: `format: expected "${LESSON_FORMAT}"` };
  if (typeof raw.id !== 'string' || !/^[\w.-]+$/.test(raw.id))
    return { ok: false, error: 'id: expected letters, digits, dots and dashes' };
  if (typeof raw.title !== 'string') return { ok: false, error: 'title: expected a string' };
  if (!(typeof raw.scenario === 'string' && /^[\w.-]+$/.test(raw.scenario)) && !isObj(raw.scenario))
    return {
      ok: false,
      error: 'scenario: expected a scenario object or the name of a scenario file',
    };
  const timings = raw.timings ?? 'demo';
  if (timings !== 'demo' && timings !== 'kafka')
    return { ok: false, error: 'timings: expected "demo" or "kafka"' };
  if (!Array.isArray(raw.steps) || raw.steps.length === 0)
    return { ok: false, error: 'steps: expected a non-empty list of steps' };
  const steps: LessonStep[] = [];
  for (let i = 0; i < raw.steps.length; i++) {
    const s = checkStep(raw.steps[i], `steps[${i}]`);
    if (!s.ok) return s;
    steps.push(s.value);
  }
  const q = raw.question;
  if (!isObj(q) || typeof q.ask !== 'string')
    return { ok: false, error: 'question.ask: expected the question for the class' };
  const reveal = checkStep(q.reveal, 'question.reveal');
  if (!reveal.ok) return reveal;
  // a hop of "the walked record" needs a record walked by this step or an earlier one
  let walking = false;
  for (const [i, step] of [...steps, reveal.value].entries()) {
    walking ||= step.walk !== null;
    if (step.waitFor && 'walk' in step.waitFor && !walking)
      return {
        ok: false,
        error: `${i < steps.length ? `steps[${i}]` : 'question.reveal'}.waitFor.walk: no record is walked yet (add "walk": "next" to this step or an earlier one)`,
      };
  }
  return {
    ok: true,
    value: {
      id: raw.id,
      title: raw.title,
      scenario: raw.scenario,
      timings,
      steps,
      question: { ask: q.ask, reveal: reveal.value },
    },
  };
}
