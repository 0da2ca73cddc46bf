// The lesson slice of the store: what the lesson panel shows, and the bookkeeping that ties the
// lesson to its run and to the worker's waits (store/lessons.ts changes both).
import type { Lesson } from '../scenario/lesson';

export interface LessonUi {
  lesson: Lesson;
  /** 0..steps-1: narration; steps: the question; steps+1: the reveal */
  index: number;
  /** waiting for the step's event (or its play time) before Continue */
  waiting: boolean;
  /** where each step began (simulated time) */
  starts: (number | undefined)[];
}

export interface LessonPlay {
  /** the run the lesson plays on (the worker numbers its loads); null until its first view */
  run: { expected: number; entered: boolean } | null;
  /** the latest worker wait id given (ids only grow, across lessons) */
  waitId: number;
  /** the wait the lesson is in, or -1 (views echo the latest wait reached) */
  waitingFor: number;
}

export const initialLessonPlay: LessonPlay = { run: null, waitId: 0, waitingFor: -1 };
