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
import type { LessonUi } from './lesson-state';
import { bundledLesson, bundledScenario } from '../client/bundled';

/** The lessons of src/data/lessons, in teaching order (the menu, and the clicker from one to the next); their titles are in the files. */
export const LESSON_ORDER = [
  'leaders-and-followers',
  'produce-path-acks-all',
  'leader-dies',
  'acks1-loses-data',
  'min-insync-replicas',
  'slow-follower',
  'offline-vs-unclean',
  'truncation-on-return',
] as const;

/** The lesson after (or before) this one in teaching order, if any. */
function lessonAfter(id: string, by: 1 | -1): string | null {
  const i = LESSON_ORDER.findIndex((l) => l === id);
  return i < 0 ? null : (LESSON_ORDER[i + by] ?? null);
}

/** The lesson being played, from the store (null when none). */
function current(): LessonUi | null {
  return simStore.getState().lesson;
}

function setLesson(lesson: LessonUi | null): void {
  simStore.setState({ lesson });
}

function play() {
  return simStore.getState().lessonPlay;
}

function setPlay(patch: Partial<ReturnType<typeof play>>): void {
  simStore.setState((st) => ({ lessonPlay: { ...st.lessonPlay, ...patch } }));
}

/** A new worker wait: its id (views echo the latest one reached). */
function nextWait(): number {
  const id = play().waitId + 1;
  setPlay({ waitId: id, waitingFor: id });
  return id;
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
    if (attach) {
      // a share link: the run is the one being replayed (or already shown)
      const starts: (number | undefined)[] = [];
      starts[index] = simStore.getState().view?.time ?? 0;
      setPlay({ run: { expected: Math.max(loaded, 1), entered: true }, waitingFor: -1 });
      setLesson({ lesson, index, waiting: false, starts });
      const walked = walkedBy(lesson, index);
      if (walked) walk(walked);
      const select = [...stepsUpTo(lesson, index)].reverse().find((st) => st.select)?.select;
      if (select) selectPartition(select);
      pause();
      return true;
    }
    const scenario =
      typeof lesson.scenario === 'string' ? bundled('scenario', lesson.scenario) : lesson.scenario;
    // A new run: the next load the worker numbers (after any still pending for a lesson).
    const pending = play().run;
    setPlay({
      run: {
        expected: Math.max(loaded, pending && !pending.entered ? pending.expected : 0) + 1,
        entered: false,
      },
      waitingFor: -1,
    });
    // waiting until its run is loaded and the first step entered
    setLesson({ lesson, index, waiting: true, starts: [] });
    loadScenario(scenario, lesson.timings, false);
    return true;
  } catch (e) {
    return cannotOpen(e);
  }
}

export function closeLesson(): void {
  // pauses, disarming the wait
  if (current()?.waiting) sendRaw({ type: 'playUntil', id: nextWait(), until: { ms: 0 } });
  setPlay({ run: null, waitingFor: -1 });
  setLesson(null);
  walk(null);
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

/** Moves the lesson to step `index`, then plays until its wait is reached (the worker pauses there) or pauses for Continue. */
function beginWaiting(l: LessonUi, index: number, starts = l.starts): void {
  const moved = { ...l, index, starts };
  const until = untilOf(stepOf(moved));
  setLesson({ ...moved, waiting: until !== null });
  if (until) sendRaw({ type: 'playUntil', id: nextWait(), until });
  else {
    setPlay({ waitingFor: -1 });
    pause();
  }
}

function enter(index: number): void {
  const l = current();
  if (!l) return;
  const starts = [...l.starts];
  starts[index] = simStore.getState().view?.time ?? 0;
  const step = stepOf({ ...l, index });
  if (step) {
    // The walk is set first: "the next record" is the one this step's actions produce.
    if (step.walk) walk(step.walk);
    for (const c of step.do) command(c);
    if (step.select) selectPartition(step.select);
  }
  beginWaiting(l, index, starts);
}

/** Continue: the next step (or the question, then its reveal); while a step waits, runs to its event at once. */
export function continueLesson(): void {
  const l = current();
  if (!l || !play().run?.entered) return;
  if (l.waiting) {
    sendRaw({ type: 'skipUntil' });
    return;
  }
  const next = l.index + 1;
  if (next > l.lesson.steps.length + 1) {
    // the end: the clicker goes on to the next lesson
    const after = lessonAfter(l.lesson.id, 1);
    if (after) void openLesson(after);
    return;
  }
  const known = l.starts[next];
  if (known !== undefined) {
    // revisited (after Back): time travel to where it began, and wait again
    seek(known);
    beginWaiting(l, next);
    return;
  }
  enter(next);
}

/** Back: the previous step, at the moment it began. */
export function backLesson(): void {
  const l = current();
  if (!l || !play().run?.entered) return;
  if (l.index === 0) {
    // the start: the clicker goes back to the previous lesson
    const before = lessonAfter(l.lesson.id, -1);
    if (before) void openLesson(before);
    return;
  }
  const prev = l.index - 1;
  const start = l.starts[prev];
  if (start === undefined) return;
  pause();
  seek(start);
  beginWaiting(l, prev);
}

/**
 * Follows the views for the lesson: enters the first step once its run is loaded, ends the waits
 * the worker reached, and closes the lesson when another scenario is loaded. Started by boot.
 */
export function watchLessons(): () => void {
  return simStore.subscribe((s, prev) => {
    const l = s.lesson;
    const run = s.lessonPlay.run;
    if (!l || !run || s.view === prev.view || !s.view) return;
    if (!run.entered) {
      if (s.view.run < run.expected) return; // a view of the previous run
      setPlay({ run: { ...run, entered: true } });
      enter(l.index);
      return;
    }
    if (s.view.run !== run.expected) {
      // another scenario was loaded: the lesson no longer describes what is on screen
      closeLesson();
      return;
    }
    const waitingFor = s.lessonPlay.waitingFor;
    if (l.waiting && waitingFor >= 0 && s.view.untilReached === waitingFor) {
      setPlay({ waitingFor: -1 });
      setLesson({ ...l, waiting: false });
    }
  });
}
