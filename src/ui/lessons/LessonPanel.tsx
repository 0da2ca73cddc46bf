// The narration of a lesson: one step at a time, waiting on the simulation's events or a
// Continue click, with Back; it ends with a question for the class, revealed by playing on.
import { useSim } from '../../store/use-sim';
import { closeLesson, stepOf } from '../../store/lessons';
import { ActionButton } from '../actions/ActionButton';
import { menuEntryAfter } from './lesson-titles';
import type { SimStoreState } from '../../store/store';
import type { LessonStep } from '../../scenario/lesson';
import './lesson-panel.css';

const selectLesson = (s: SimStoreState) => s.lesson;

const WAIT_LABEL: Record<string, string> = {
  brokerFenced: 'the controller to fence the broker',
  leaderChanged: 'a new leader',
  isrShrunk: 'the ISR to shrink',
  isrExpanded: 'the ISR to grow back',
  recordAcked: 'the acknowledgement',
  recordAppended: 'the leader to append',
  recordReplicated: 'a follower to fetch',
  highWatermarkAdvanced: 'the high watermark to move',
  recordLost: 'the checker',
  truncated: 'the truncation',
  metadataRefreshed: 'the metadata answer',
  produceAttemptFailed: 'the error',
  produceFailed: 'the final error',
  brokerUnfenced: 'the broker to register',
  recordConsumed: 'the consumer',
};

/** The walked record's hops (lesson steps that follow one record). */
const HOP_LABEL: Record<string, string> = {
  metadata: 'the metadata answer',
  send: 'the produce request',
  append: 'the leader to append',
  fetch: 'a follower to fetch',
  report: "a follower's next fetch",
  hw: 'the high watermark to move',
  ack: 'the acknowledgement',
  consume: 'the consumer',
};

export function waitLabel(step: LessonStep | null): string {
  const w = step?.waitFor;
  if (!w) return 'time to pass';
  if ('walk' in w) return HOP_LABEL[w.walk.replace(/-\d+$/, '')] ?? w.walk;
  return WAIT_LABEL[w.event] ?? w.event;
}

export function LessonPanel() {
  const l = useSim(selectLesson);
  if (!l) return null;
  const { lesson, index, waiting } = l;
  const total = lesson.steps.length;
  const question = index === total;
  const revealed = index === total + 1;
  const step = stepOf(l);
  const wait = waitLabel(step);
  const next = menuEntryAfter(lesson.id, 1);
  return (
    <section
      className="lesson"
      aria-label={`Lesson: ${lesson.title}`}
      data-testid="lesson"
      data-lesson={lesson.id}
      data-step={index}
      data-waiting={waiting}
      data-done={revealed && !waiting}
    >
      <header>
        <strong>{lesson.title}</strong>
        <span className="muted">
          {question || revealed ? 'Question for the class' : `Step ${index + 1} of ${total}`}
        </span>
        <button type="button" className="close" onClick={closeLesson} aria-label="Close the lesson">
          ×
        </button>
      </header>
      <p className="narration" aria-live="polite">
        {question ? lesson.question.ask : step?.text}
      </p>
      <div className="row">
        <ActionButton id="lessonBack" disabled={index === 0} />
        {question ? (
          <ActionButton id="lessonNext" className="primary" label="Reveal: play on" />
        ) : revealed ? (
          <>
            <button type="button" onClick={closeLesson} disabled={waiting}>
              {waiting ? `Waiting for ${wait}…` : 'Finish'}
            </button>
            {next && !waiting ? (
              <ActionButton
                id="lessonNext"
                className="primary"
                label={`Next lesson: ${next.title} ▶`}
              />
            ) : null}
          </>
        ) : (
          <ActionButton
            id="lessonNext"
            className="primary"
            disabled={waiting}
            label={
              waiting
                ? `Waiting for ${wait}…`
                : index === total - 1
                  ? 'Continue to the question'
                  : 'Continue ▶'
            }
          />
        )}
      </div>
    </section>
  );
}
