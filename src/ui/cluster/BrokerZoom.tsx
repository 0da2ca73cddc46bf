// Zoom into one broker of the overview: its replicas by name, role and ISR state, and its actions.
import { useSim } from '../../store/use-sim';
import {
  selectBrokerReplicas,
  selectBrokerStatus,
  selectSelectedBroker,
} from '../../store/selectors';
import { selectBroker, selectPartition } from '../../store/actions';
import { ActionButton } from '../actions/ActionButton';
import type { SimStoreState } from '../../store/store';
import './broker-zoom.css';

const selectReplicasByKey = (s: SimStoreState) => s.replicasByKey;

export function BrokerZoom() {
  const id = useSim(selectSelectedBroker);
  if (id === null) return null;
  return <Zoom id={id} />;
}

function Zoom({ id }: { id: number }) {
  const status = useSim(selectBrokerStatus(id));
  const replicas = useSim(selectBrokerReplicas(id));
  const byKey = useSim(selectReplicasByKey);
  const chip = (p: string) => {
    const r = byKey[`${p}@${id}`];
    return (
      <button
        key={p}
        type="button"
        className={`zoom-chip ${r?.role === 'leader' ? 'leader' : 'follower'} ${r?.inSync ? '' : 'out'}`}
        onClick={() => selectPartition(p)}
        aria-label={`${p}: ${r?.role}, ${r?.inSync ? 'in sync' : 'out of sync'}`}
      >
        {p}
        {r?.preferred ? '★' : ''}
      </button>
    );
  };
  return (
    <section className="zoom" aria-label={`Broker ${id} close up`} data-testid="broker-zoom">
      <header>
        <strong>Broker {id}</strong> <span className={`status-${status}`}>{status}</span>
        {/* the registry's broker actions that apply, named by the heading */}
        <ActionButton id="restart" broker={id} unnamed />
        <ActionButton id="kill" broker={id} unnamed />
        <ActionButton id="stop" broker={id} unnamed />
        <ActionButton id="pauseFetch" broker={id} unnamed />
        <button
          type="button"
          className="close"
          onClick={() => selectBroker(null)}
          aria-label="Close the close-up"
        >
          ×
        </button>
      </header>
      <div>
        <span className="muted">Leads ({replicas?.leaders.length ?? 0}): </span>
        {replicas?.leaders.map(chip)}
      </div>
      <div>
        <span className="muted">Follows ({replicas?.followers.length ?? 0}): </span>
        {replicas?.followers.map(chip)}
      </div>
    </section>
  );
}
