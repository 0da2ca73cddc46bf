// Playing a lesson: narration steps that act on the cluster and wait for the simulation's events
// (or a Continue click), with Back (time travel to where the step began) and a closing question.
import { parseLesson, type Lesson, type LessonStep, type LessonWait } from '../scenario/lesson';
import type { EventView } from '../protocol/view';
import { command, loadScenario, pause, play, seek, selectPartition, walk } from './actions';
import { setError, simStore, type SimStoreState } from './store';
import { bundledLesson, bundledScenario } from '../client/bundled';

export interface LessonUi {
  lesson: Lesson;
  /** 0..steps-1: narration; steps: the question; steps+1: the reveal */
  index: number;
  /** waiting for the step's event (or its play time) before Continue */
  waiting: boolean;
  /** where each step began: simulated time and the narration's event cursor then */
  starts: ({ t: number; seq: number } | undefined)[];
  /** waits read the event stream in order: the seq of the event that ended the last wait */
  cursor: number;
}

let current: LessonUi | null = null;
let enterWhenLoaded: { index: number; run: number } | null = null;
let waitUntil: { wait: LessonWait | null; t: number; seq: number } | null = null;
const listeners = new Set<() => void>();

function publish(): void {
  simStore.setState({ lesson: current ? { ...current } : null });
  for (const l of listeners) l();
}

export function stepOf(l: LessonUi): LessonStep | null {
  if (l.index < l.lesson.steps.length) return l.lesson.steps[l.index]!;
  if (l.index === l.lesson.steps.length + 1) return l.lesson.question.reveal;
  return null;
}

function bundled(kind: 'lesson' | 'scenario', name: string): unknown {
  const data = kind === 'lesson' ? bundledLesson(name) : bundledScenario(name);
  if (data === undefined) throw new Error(`no ${kind} "${name}"`);
  return data;
}

/** Opens a lesson (from src/data/lessons) at its first step; `attach` keeps the run already loaded (a share link). */
export function openLesson(id: string, step = 0, attach = false): void {
  if (!/^[\w.-]+$/.test(id)) {
    setError({ message: `Unknown lesson "${id}".`, fatal: false });
    return;
  }
  try {
    const parsed = parseLesson(bundled('lesson', id));
    if (!parsed.ok) throw new Error(`lessons/${id}.json: ${parsed.error}`);
    const lesson = parsed.value;
    const index = Math.max(0, Math.min(step, lesson.steps.length + 1));
    current = { lesson, index, waiting: false, starts: [], cursor: lastSeq(simStore.getState()) };
    if (attach) {
      beginWaiting(index);
      publish();
      return;
    }
    const scenario =
      typeof lesson.scenario === 'string' ? bundled('scenario', lesson.scenario) : lesson.scenario;
    enterWhenLoaded = { index: 0, run: simStore.getState().view?.run ?? -1 };
    loadScenario(scenario, lesson.timings, false);
    publish();
  } catch (e) {
    setError({
      message: `The lesson could not be opened: ${e instanceof Error ? e.message : String(e)}`,
      fatal: false,
    });
  }
}

export function closeLesson(): void {
  current = null;
  waitUntil = null;
  walk(null);
  publish();
}

function lastSeq(s: SimStoreState): number {
  return s.events[s.events.length - 1]?.seq ?? -1;
}

function beginWaiting(index: number): void {
  if (!current) return;
  const s = simStore.getState();
  const step = stepOf({ ...current, index });
  const t = s.view?.time ?? 0;
  current.starts[index] = { t, seq: current.cursor };
  if (step && (step.waitFor || step.play > 0)) {
    // The narration follows the event stream in order: an awaited event that happened after the
    // previous wait ended counts, even if time was skipped ahead past it.
    waitUntil = { wait: step.waitFor, t: t + step.play, seq: current.cursor };
    current.waiting = true;
    play();
    checkWait(s);
  } else {
    waitUntil = null;
    current.waiting = false;
    pause();
  }
}

function enter(index: number): void {
  if (!current) return;
  current.index = index;
  const step = stepOf(current);
  if (step) {
    // The walk is set first: "the next record" is the one this step's actions produce.
    if (step.walk) walk(step.walk);
    for (const c of step.do) command(c);
    if (step.select) selectPartition(step.select);
  }
  beginWaiting(index);
  publish();
}

/** Continue: the next step (or the question, then its reveal). Revisited steps are reached by time travel. */
export function continueLesson(): void {
  if (!current || current.waiting) return;
  const next = current.index + 1;
  if (next > current.lesson.steps.length + 1) return;
  const known = current.starts[next];
  if (known) {
    seek(known.t);
    current.index = next;
    beginWaiting(next);
    publish();
    return;
  }
  if (next === current.lesson.steps.length) {
    current.index = next;
    current.starts[next] = {
      t: simStore.getState().view?.time ?? 0,
      seq: lastSeq(simStore.getState()),
    };
    current.waiting = false;
    pause();
    publish();
    return;
  }
  enter(next);
}

/** Back: the previous step, at the moment it began. */
export function backLesson(): void {
  if (!current || current.index === 0) return;
  const prev = current.index - 1;
  const start = current.starts[prev];
  if (!start) return;
  pause();
  seek(start.t);
  current.index = prev;
  current.cursor = start.seq;
  const step = stepOf(current);
  waitUntil =
    step && (step.waitFor || step.play > 0)
      ? { wait: step.waitFor, t: start.t + step.play, seq: start.seq }
      : null;
  current.waiting = waitUntil !== null;
  if (current.waiting) {
    play();
    checkWait(simStore.getState());
  }
  publish();
}

function matches(e: EventView, w: LessonWait): boolean {
  return (
    e.type === w.event &&
    (w.partition === undefined || e.partition === w.partition) &&
    (w.broker === undefined || e.broker === w.broker) &&
    (w.client === undefined || e.client === w.client)
  );
}

/** Watches the store: enters the first step once the lesson's scenario is loaded, ends waits. */
simStore.subscribe((s, prev) => {
  if (!current || s.view === prev.view || !s.view) return;
  if (enterWhenLoaded && s.view.run !== enterWhenLoaded.run) {
    const index = enterWhenLoaded.index;
    enterWhenLoaded = null;
    enter(index);
    return;
  }
  checkWait(s);
});

/** Ends the current wait once its event has happened (or its play time has passed). */
function checkWait(s: SimStoreState): void {
  if (!current || !waitUntil || !current.waiting || !s.view) return;
  const w = waitUntil;
  const hit = w.wait ? s.events.find((e) => e.seq > w.seq && matches(e, w.wait!)) : undefined;
  const done = w.wait ? hit !== undefined : s.view.time >= w.t;
  if (done) {
    if (hit) current.cursor = hit.seq;
    waitUntil = null;
    current.waiting = false;
    pause();
    publish();
  }
}

export function onLessonChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
