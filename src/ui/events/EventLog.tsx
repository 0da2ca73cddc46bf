import { useMemo } from 'react';
import { useSim } from '../../store/use-sim';
import { selectEvents, selectNotableEvents } from '../../store/selectors';
import { useUi } from '../use-ui';
import { setUi } from '../../store/store';
import { formatTime } from '../format';
import './event-log.css';

const SHOWN = 60;
/** A quoted user string (a record value, a key) longer than this is cut; the title has it all. */
const MAX_QUOTED = 120;

/**
 * An event sentence with its quoted user strings each isolated (<bdi>): a right-to-left value,
 * or one holding a direction override, cannot reorder the rest of the sentence. Long ones are cut.
 */
function Sentence({ text }: { text: string }) {
  const parts = text.split('"');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && i < parts.length - 1 ? (
          <bdi key={i}>"{part.length > MAX_QUOTED ? `${part.slice(0, MAX_QUOTED)}…` : part}"</bdi>
        ) : (
          <bdi key={i}>
            {part.length > 4 * MAX_QUOTED ? `${part.slice(0, 4 * MAX_QUOTED)}…` : part}
          </bdi>
        ),
      )}
    </>
  );
}

/** One plain sentence per event; the important ones are announced to screen readers. */
export function EventLog() {
  const everything = useSim(selectEvents);
  const notable = useSim(selectNotableEvents);
  const eventFilter = useUi('eventFilter');
  const [all, setAll] = [
    eventFilter.startsWith('all:'),
    (on: boolean) => setUi({ eventFilter: (on ? 'all:' : '') + text }),
  ];
  const text = eventFilter.replace(/^all:/, '');
  const shown = useMemo(() => {
    const needle = text.toLowerCase();
    return (all ? everything : notable)
      .filter(
        (e) =>
          !needle || e.text.toLowerCase().includes(needle) || e.type.toLowerCase().includes(needle),
      )
      .slice(-SHOWN)
      .reverse();
  }, [everything, notable, all, text]);
  const latestImportant = notable[notable.length - 1];
  return (
    <section className="eventlog" aria-label="Event log" data-testid="event-log">
      <div className="eventlog-head">
        <h2>Events</h2>
        <input
          aria-label="Filter events"
          placeholder="filter (e.g. broker 2, isr, leader)"
          value={text}
          onChange={(e) => setUi({ eventFilter: (all ? 'all:' : '') + e.target.value })}
        />
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> every
          append, fetch and ack
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="hint">
          Nothing notable yet. Kill a broker, pause a follower or cut a link and watch what Kafka
          does.
        </p>
      ) : null}
      <ol className="events">
        {shown.map((e) => (
          <li key={e.seq} className={`event event-${e.type}`} data-type={e.type}>
            <time>{formatTime(e.t)}</time>
            <span className="event-text" title={e.text.length > MAX_QUOTED ? e.text : undefined}>
              <Sentence text={e.text} />
            </span>
            {e.rule ? <span className="rule">{e.rule}</span> : null}
          </li>
        ))}
      </ol>
      <div className="sr-only" aria-live="polite" role="status">
        {latestImportant?.text ?? ''}
      </div>
    </section>
  );
}
