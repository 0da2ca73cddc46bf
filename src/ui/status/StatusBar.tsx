import { useSim } from '../../store/use-sim';
import { selectStatus } from '../../store/selectors';
import './status-bar.css';

export function StatusBar() {
  const status = useSim(selectStatus);
  if (!status) return <footer className="statusbar" />;
  const lost = status.losses.length;
  return (
    <footer className="statusbar" aria-label="Cluster health">
      <span className={status.underReplicated ? 'warn' : ''} data-testid="under-replicated">
        Under-replicated <strong>{status.underReplicated}</strong>
      </span>
      <span className={status.offline ? 'bad' : ''} data-testid="offline">
        Offline <strong>{status.offline}</strong>
      </span>
      <span className={status.underMinIsr ? 'bad' : ''} data-testid="under-min-isr">
        Under min ISR <strong>{status.underMinIsr}</strong>
      </span>
      <span title="replication factor minus min.insync.replicas">
        Fault tolerance RF {status.replicationFactor} − min ISR {status.minIsr} ={' '}
        <strong>{status.faultTolerance}</strong>
      </span>
      <span data-testid="more-failures">
        acks=all writes survive <strong>{status.moreFailuresWritesSurvive}</strong> more broker
        failure{status.moreFailuresWritesSurvive === 1 ? '' : 's'} now
      </span>
      {lost > 0 ? (
        <span className="alarm" role="alert" data-testid="durability-alarm" data-lost={lost}>
          DATA LOSS: {lost} acknowledged record{lost === 1 ? '' : 's'} lost (
          {status.losses
            .slice(0, 3)
            .map((l) => `"${l.value}"`)
            .join(', ')}
          {lost > 3 ? ', …' : ''})
        </span>
      ) : (
        <span className="ok" data-testid="durability-ok">
          No acknowledged record lost
        </span>
      )}
    </footer>
  );
}
