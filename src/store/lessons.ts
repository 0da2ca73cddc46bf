// Playing a lesson: narration steps that act on the cluster and wait for the simulation's events
// (or a Continue click), with Back (time travel to where the step began) and a closing question.
// Every lesson starts on a fresh run. The worker does the waiting (playUntil): it pauses exactly
// at the awaited event of this run, and its view says which wait it reached.
import type { Lesson, LessonStep } from '../scenario/lesson';
import type { Until } from '../protocol/messages';
import {
  command,
  loadScenario,
  parseInWorker,
  pause,
  seek,
  selectPartition,
  sendRaw,
  walk,
} from './actions';
import { setError, simStore } from './store';
import { bundledLesson, bundledScenario } from '../client/bundled';

/** The lessons of src/data/lessons, in teaching order (the menu, and the clicker from one to the next). */
export const LESSONS = [
  { id: 'leaders-and-followers', title: '1. Leaders and followers' },
  { id: 'produce-path-acks-all', title: '2. The produce path with acks=all' },
  { id: 'leader-dies', title: '3. The leader dies' },
  { id: 'acks1-loses-data', title: '4. acks=1 loses acknowledged data' },
  { id: 'min-insync-replicas', title: '5. min.insync.replicas' },
  { id: 'slow-follower', title: '6. A slow follower' },
  { id: 'offline-vs-unclean', title: '7. Offline partition vs unclean election' },
  { id: 'truncation-on-return', title: '8. Truncation on return' },
];

/** The lesson after (or before) this one in teaching order, if any. */
export function lessonAfter(id: string, by: 1 | -1): { id: string; title: string } | null {
  const i = LESSONS.findIndex((l) => l.id === id);
  return i < 0 ? null : (LESSONS[i + by] ?? null);
}

export interface LessonUi {
  lesson: Lesson;
  /** 0..steps-1: narration; steps: the question; steps+1: the reveal */
  index: number;
  /** waiting for the step's event (or its play time) before Continue */
  waiting: boolean;
  /** where each step began (simulated time) */
  starts: (number | undefined)[];
}

let current: LessonUi | null = null;
/** the run the lesson plays on (the worker numbers its loads); null until its first view */
let run: { expected: number; entered: boolean } | null = null;
/** the id of the worker wait the lesson is in (views echo the latest reached) */
let waitId = 0;
let waitingFor = -1;
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

function cannotOpen(e: unknown): false {
  setError({
    message: `The lesson could not be opened: ${e instanceof Error ? e.message : String(e)}`,
    fatal: false,
  });
  return false;
}

/**
 * Opens a lesson (from src/data/lessons) on a fresh run at its first step; `attach` keeps the run
 * already loaded (a share link). The worker validates the lesson file; resolves to whether it opened.
 */
export async function openLesson(id: string, step = 0, attach = false): Promise<boolean> {
  if (!/^[\w.-]+$/.test(id)) {
    setError({ message: `Unknown lesson "${id}".`, fatal: false });
    return false;
  }
  // the run on screen when asked (a share link's run is the next one)
  const loaded = simStore.getState().view?.run ?? 0;
  let raw: unknown;
  try {
    raw = bundled('lesson', id);
  } catch (e) {
    return cannotOpen(e);
  }
  const parsed = await parseInWorker('lesson', raw);
  try {
    if (!parsed.ok) throw new Error(`lessons/${id}.json: ${parsed.errors.join('; ')}`);
    const lesson = parsed.value as Lesson;
    const index = attach ? Math.max(0, Math.min(step, lesson.steps.length + 1)) : 0;
    // waiting until its run is loaded and the first step entered
    current = { lesson, index, waiting: !attach, starts: [] };
    waitingFor = -1;
    if (attach) {
      // a share link: the run is the one being replayed (or already shown)
      run = { expected: Math.max(loaded, 1), entered: true };
      current.starts[index] = simStore.getState().view?.time ?? 0;
      const walked = walkedBy(lesson, index);
      if (walked) walk(walked);
      const select = [...stepsUpTo(lesson, index)].reverse().find((st) => st.select)?.select;
      if (select) selectPartition(select);
      pause();
      publish();
      return true;
    }
    const scenario =
      typeof lesson.scenario === 'string' ? bundled('scenario', lesson.scenario) : lesson.scenario;
    // A new run: the next load the worker numbers (after any still pending for a lesson).
    run = {
      expected: Math.max(loaded, run && !run.entered ? run.expected : 0) + 1,
      entered: false,
    };
    loadScenario(scenario, lesson.timings, false);
    publish();
    return true;
  } catch (e) {
    return cannotOpen(e);
  }
}

export function closeLesson(): void {
  if (current?.waiting) sendRaw({ type: 'playUntil', id: ++waitId, until: { ms: 0 } }); // pauses, disarming the wait
  current = null;
  run = null;
  waitingFor = -1;
  walk(null);
  publish();
}

/** The steps played up to `index`: steps 0..n-1, the question (no step of its own), then the reveal. */
function stepsUpTo(lesson: Lesson, index: number): LessonStep[] {
  const n = lesson.steps.length;
  const upTo = index < n ? lesson.steps.slice(0, index + 1) : lesson.steps;
  return index > n ? [...upTo, lesson.question.reveal] : upTo;
}

/** The record a lesson walks at step `index` (by value): the one produced by the latest step that walks. */
function walkedBy(lesson: Lesson, index: number): string | null {
  let value: string | null = null;
  for (const step of stepsUpTo(lesson, index)) {
    if (!step.walk) continue;
    const produce = step.do.find((c) => c.type === 'produce');
    value = produce && produce.type === 'produce' ? (produce.records[0] ?? null) : null;
  }
  return value;
}

/** What the worker waits for in this step, if anything. */
function untilOf(step: LessonStep | null): Until | null {
  if (!step) return null;
  if (step.waitFor) return step.waitFor;
  return step.play > 0 ? { ms: step.play } : null;
}

/** Plays until the step's wait is reached (the worker pauses there), or pauses for Continue. */
function beginWaiting(): void {
  if (!current) return;
  const until = untilOf(stepOf(current));
  if (until) {
    waitingFor = ++waitId;
    current.waiting = true;
    sendRaw({ type: 'playUntil', id: waitingFor, until });
  } else {
    waitingFor = -1;
    current.waiting = false;
    pause();
  }
}

function enter(index: number): void {
  if (!current) return;
  current.index = index;
  current.starts[index] = simStore.getState().view?.time ?? 0;
  const step = stepOf(current);
  if (step) {
    // The walk is set first: "the next record" is the one this step's actions produce.
    if (step.walk) walk(step.walk);
    for (const c of step.do) command(c);
    if (step.select) selectPartition(step.select);
  }
  beginWaiting();
  publish();
}

/** Continue: the next step (or the question, then its reveal); while a step waits, runs to its event at once. */
export function continueLesson(): void {
  if (!current || !run?.entered) return;
  if (current.waiting) {
    sendRaw({ type: 'skipUntil' });
    return;
  }
  const next = current.index + 1;
  if (next > current.lesson.steps.length + 1) {
    // the end: the clicker goes on to the next lesson
    const after = lessonAfter(current.lesson.id, 1);
    if (after) openLesson(after.id);
    return;
  }
  const known = current.starts[next];
  if (known !== undefined) {
    // revisited (after Back): time travel to where it began, and wait again
    seek(known);
    current.index = next;
    beginWaiting();
    publish();
    return;
  }
  enter(next);
}

/** Back: the previous step, at the moment it began. */
export function backLesson(): void {
  if (!current || !run?.entered) return;
  if (current.index === 0) {
    // the start: the clicker goes back to the previous lesson
    const before = lessonAfter(current.lesson.id, -1);
    if (before) openLesson(before.id);
    return;
  }
  const prev = current.index - 1;
  const start = current.starts[prev];
  if (start === undefined) return;
  pause();
  seek(start);
  current.index = prev;
  beginWaiting();
  publish();
}

/** Watches the store: enters the first step once the lesson's run is loaded; ends waits the worker reached. */
simStore.subscribe((s, prev) => {
  if (!current || !run || s.view === prev.view || !s.view) return;
  if (!run.entered) {
    if (s.view.run < run.expected) return; // a view of the previous run
    run.entered = true;
    enter(current.index);
    return;
  }
  if (s.view.run !== run.expected) {
    // another scenario was loaded: the lesson no longer describes what is on screen
    closeLesson();
    return;
  }
  if (current.waiting && waitingFor >= 0 && s.view.untilReached === waitingFor) {
    current.waiting = false;
    waitingFor = -1;
    publish();
  }
});

export function onLessonChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
