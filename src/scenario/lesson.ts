// Lessons: a scenario plus narration steps (src/data/lessons/*.json). Each step may act on the
// cluster, focus a partition or a record, and wait for an event of the simulation (or for
// Continue). The last step asks the class a question; playing on reveals the answer.
import type { Command } from '../engine/index';
import { ALL_EVENTS } from '../engine/events';
import { checkCommand } from './command-check';

export const LESSON_FORMAT = 'kafka-replication-lesson/1';

export interface LessonWait {
  event: string;
  partition?: string;
  broker?: number;
  client?: string;
}

export interface LessonStep {
  text: string;
  do: Command[];
  waitFor: LessonWait | null;
  /** simulated ms to play while the step is shown (when it waits for no event) */
  play: number;
  select: string | null;
  walk: 'next' | null;
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
  if (raw.waitFor !== undefined && raw.waitFor !== null) {
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
  return {
    ok: true,
    value: {
      text: raw.text,
      do: commands,
      waitFor,
      play: play as number,
      select: (raw.select as string) ?? null,
      walk: raw.walk === 'next' ? 'next' : null,
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
