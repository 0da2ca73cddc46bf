// Walk one produce request: a new record (produced at once) or one by value, followed hop by hop
// (→ and ← go to its next and previous hop), with the checklist of what releases its ack.
// Everything not about it dims on the stage.
import { useState } from 'react';
import { useSim } from '../../store/use-sim';
import { produceOne, walk } from '../../store/actions';
import { ActionButton } from '../actions/ActionButton';
import { simStore, type SimStoreState } from '../../store/store';
import { formatTime } from '../format';
import './record-status.css';
import './walk-panel.css';

const selectWalk = (s: SimStoreState) => s.view?.walk ?? null;

let walked = 0;

/** Walks the next record and produces it now, with the first producer. */
export function walkNewRecord(): void {
  const producer = simStore.getState().view?.clients.find((c) => c.type === 'producer');
  if (!producer) return;
  walk('next');
  produceOne(producer.id, `walk-${++walked}`);
}

export function WalkPanel() {
  const w = useSim(selectWalk);
  const [value, setValue] = useState('');
  return (
    <section className="panel walk" aria-label="Walk one produce request" data-testid="walk">
      <h2>Walk one produce request</h2>
      {!w ? (
        <div className="row">
          <button type="button" onClick={walkNewRecord}>
            Walk a new record
          </button>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (value.trim()) walk(value.trim());
            }}
          >
            <input
              aria-label="Record to walk"
              placeholder="or a value"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              maxLength={64}
            />
          </form>
        </div>
      ) : (
        <>
          <p className="walk-head" data-status={w.status}>
            <strong>"{w.record}"</strong> {w.partition ? `→ ${w.partition}` : ''}{' '}
            {w.offset !== null ? `offset ${w.offset}` : ''} · acks={w.acks} ·{' '}
            <span className={`status-${w.status}`}>{w.status}</span>
          </p>
          {w.checklist.length > 0 ? (
            <div className="checklist" aria-label={`What releases the ack with acks=${w.acks}`}>
              <div className="muted">The ack waits for (acks={w.acks}):</div>
              <ul>
                {w.checklist.map((c) => (
                  <li key={c.label} data-done={c.done}>
                    <span aria-hidden="true">{c.done ? '☑' : '☐'}</span> {c.label}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ol className="walk-steps">
            {w.steps.map((s) => (
              <li key={s.key} data-done={s.done} data-step={s.key}>
                <span className="tick" aria-hidden="true">
                  {s.done ? '✓' : '○'}
                </span>
                <div>
                  <strong>{s.label}</strong>{' '}
                  {s.t !== null && s.done ? <time>{formatTime(s.t)}</time> : null}
                  <div className="muted">{s.text}</div>
                </div>
              </li>
            ))}
          </ol>
          <div className="row">
            <ActionButton id="stepBack" label="◀ Previous hop" />
            <ActionButton id="step" label="Next hop ▶" />
            <button type="button" onClick={walkNewRecord}>
              Walk a new record
            </button>
            <button type="button" onClick={() => walk(null)}>
              Stop walking
            </button>
          </div>
        </>
      )}
    </section>
  );
}
