// "Why was it lost?": for each record the checker flagged, the chain of events that lost it,
// each link jumping the timeline there.
import { useState } from 'react';
import { useSim } from '../../store/use-sim';
import { selectStatus } from '../../store/selectors';
import { pause, seek } from '../../store/actions';
import { formatTime } from '../format';
import './why-lost.css';

export function WhyLost() {
  const status = useSim(selectStatus);
  const [open, setOpen] = useState(0);
  const losses = status?.losses ?? [];
  if (losses.length === 0) return null;
  const loss = losses[Math.min(open, losses.length - 1)]!;
  return (
    <section className="panel why-lost" aria-label="Why was it lost?" data-testid="why-lost">
      <h2>Why was it lost?</h2>
      {losses.length > 1 ? (
        <select
          aria-label="Lost record"
          value={open}
          onChange={(e) => setOpen(Number(e.target.value))}
        >
          {losses.map((l, i) => (
            <option key={`${l.value}-${i}`} value={i}>
              "{l.value}" ({l.partition} offset {l.offset})
            </option>
          ))}
        </select>
      ) : null}
      <p>
        <strong>"{loss.value}"</strong> was acknowledged at {loss.partition} offset{' '}
        {loss.offset >= 0 ? loss.offset : '(acks=0)'}, and {loss.reason}.
      </p>
      <ol className="chain">
        {loss.chain.map((link, i) => (
          <li key={`${link.d}-${i}`} className={`link link-${link.type}`}>
            <button
              type="button"
              onClick={() => {
                pause();
                seek(link.t);
              }}
              title="Jump the timeline to this moment"
            >
              {formatTime(link.t)}
            </button>
            <span>{link.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
