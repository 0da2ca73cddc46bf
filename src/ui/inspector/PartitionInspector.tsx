import { useSim } from '../../store/use-sim';
import { selectInspector, selectSelectedPartition } from '../../store/selectors';
import { selectPartition } from '../../store/actions';
import { ReplicaLog } from './ReplicaLog';
import { formatMs } from '../format';
import './partition-inspector.css';

export function PartitionInspector() {
  const selected = useSim(selectSelectedPartition);
  const inspector = useSim(selectInspector);
  if (!selected) {
    return (
      <section className="panel inspector" aria-label="Partition inspector">
        <h2>Partition</h2>
        <p className="hint">
          Click a replica (p0, p1, …) to see each replica's log, LEO, HW, ISR and lag.
        </p>
      </section>
    );
  }
  if (!inspector || inspector.partition !== selected) {
    return (
      <section className="panel inspector" aria-label="Partition inspector">
        <h2>{selected}</h2>
      </section>
    );
  }
  const [topic, index] = [
    selected.slice(0, selected.lastIndexOf('-')),
    selected.slice(selected.lastIndexOf('-') + 1),
  ];
  return (
    <section
      className="panel inspector"
      aria-label={`Partition ${selected}`}
      data-testid={`partition-${topic}-${index}`}
      data-leader={inspector.leader ?? 'none'}
      data-isr={inspector.isr.join(',')}
      data-leader-epoch={inspector.leaderEpoch}
    >
      <h2>
        {selected}
        <button
          type="button"
          className="close"
          onClick={() => selectPartition(null)}
          aria-label="Close the partition inspector"
        >
          ×
        </button>
      </h2>
      <pre className="describe" aria-label="kafka-topics --describe">
        {inspector.describe}
      </pre>
      <dl className="facts">
        <dt>Leader</dt>
        <dd>{inspector.leader ?? 'none (offline)'}</dd>
        <dt>Leader epoch</dt>
        <dd>{inspector.leaderEpoch}</dd>
        <dt>ISR</dt>
        <dd>[{inspector.isr.join(', ')}]</dd>
        <dt>
          <abbr title="eligible leader replicas (KIP-966): left the ISR below min.insync.replicas and may still lead cleanly once the ISR is empty">
            ELR
          </abbr>
        </dt>
        <dd data-testid="inspector-elr">
          [{inspector.elr.join(', ')}]
          {inspector.lastKnownElr.length > 0
            ? ` · last known [${inspector.lastKnownElr.join(', ')}] (unclean shutdown)`
            : ''}
        </dd>
        <dt>Lag limit</dt>
        <dd>replica.lag.time.max.ms = {formatMs(inspector.lagTimeMaxMs)}</dd>
      </dl>
      {inspector.details.map((d) => (
        <ReplicaLog key={d.broker} detail={d} preferred={inspector.replicas[0] === d.broker} />
      ))}
    </section>
  );
}
