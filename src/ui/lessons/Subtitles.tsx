// Presenter mode, under the cluster in large type: the walked record's hops and its ack checklist,
// the "why was it lost" chain, and (without a lesson) a subtitle that sums up the latest burst
// of notable events.
import { useSim } from '../../store/use-sim';
import { selectNotableEvents, selectStatus } from '../../store/selectors';
import { useUi } from '../use-ui';
import type { SimStoreState } from '../../store/store';
import { burstSummary, latestBurst } from './burst';
import { formatTime } from '../format';
import './presenter.css';
import '../walk/record-status.css';

/** Short hop names, so that the whole walk fits a line or two under the cluster. */
export function hopLabel(key: string): string {
  const [hop, broker] = key.split('-');
  switch (hop) {
    case 'metadata':
      return 'leader found';
    case 'send':
      return 'sent';
    case 'append':
      return 'appended (LEO + 1)';
    case 'fetch':
      return `fetched by ${broker}`;
    case 'report':
      return `${broker} reported`;
    case 'hw':
      return 'HW passed';
    case 'ack':
      return 'acked';
    case 'consume':
      return 'read';
    default:
      return key;
  }
}

const selectHasLesson = (s: SimStoreState) => s.lesson !== null;
const selectWalk = (s: SimStoreState) => s.view?.walk ?? null;

function WalkBand() {
  const w = useSim(selectWalk);
  if (!w) return null;
  return (
    <section
      className="presenter-walk"
      aria-label={`Walk of "${w.record}"`}
      data-testid="presenter-walk"
    >
      <ol>
        <li className="presenter-walk-head">
          <strong>"{w.record}"</strong> acks={w.acks}:{' '}
          <span className={`status-${w.status}`}>{w.status}</span>
        </li>
        {w.steps.map((s) => (
          <li key={s.key} data-done={s.done}>
            {s.done ? '✓' : '○'} {hopLabel(s.key)}
          </li>
        ))}
      </ol>
      {w.checklist.length > 0 ? (
        <div className="presenter-checklist">
          The ack waits for:{' '}
          {w.checklist.map((c) => (
            <span key={c.label} data-done={c.done}>
              {c.done ? '☑' : '☐'} {c.label}
            </span>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function LossBand() {
  const status = useSim(selectStatus);
  const loss = status?.losses[0];
  if (!loss) return null;
  return (
    <section
      className="presenter-loss"
      aria-label="Why was it lost?"
      data-testid="presenter-why-lost"
    >
      <strong>Why was "{loss.value}" lost?</strong>
      <ol>
        {loss.chain.slice(-5).map((link, i) => (
          <li key={`${link.d}-${i}`}>
            <time>{formatTime(link.t)}</time> {link.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Subtitles() {
  const presenter = useUi('presenter');
  const hasLesson = useSim(selectHasLesson);
  const notable = useSim(selectNotableEvents);
  if (!presenter) return null;
  const line = hasLesson
    ? null
    : (burstSummary(latestBurst(notable)) ??
      'Space plays; → steps; digits pick a broker, k kills it; ? lists every key.');
  return (
    <div className="subtitles-area">
      <WalkBand />
      <LossBand />
      {line !== null ? (
        <div className="subtitles" data-testid="subtitles" aria-hidden="true">
          {line}
        </div>
      ) : null}
    </div>
  );
}
