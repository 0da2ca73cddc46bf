import { useSim } from '../../store/use-sim';
import { selectConfig, selectProducerIds } from '../../store/selectors';
import { useSimList } from '../../store/use-sim';
import { setBrokerConfig, setClientConfig, setTopicConfig } from '../../store/actions';
import { ClusterShape } from './ClusterShape';

/** Kafka's config names and values, changed live. */
export function ConfigPanel() {
  const config = useSim(selectConfig);
  const producers = useSimList(selectProducerIds);
  if (!config) return null;
  const setAcks = (acks: string) => {
    // R37: idempotence needs acks=all; turn it off explicitly with weaker acks.
    for (const p of producers)
      setClientConfig(p, acks === 'all' ? { acks } : { acks, 'enable.idempotence': false });
  };
  return (
    <section className="panel config" aria-label="Configuration">
      <h2>Config</h2>
      <label>
        <code>acks</code>
        <select value={String(config.acks)} onChange={(e) => setAcks(e.target.value)}>
          <option value="all">all</option>
          <option value="1">1</option>
          <option value="0">0</option>
        </select>
      </label>
      <label>
        <code>min.insync.replicas</code>
        <select
          value={String(config['min.insync.replicas'])}
          onChange={(e) => setTopicConfig({ 'min.insync.replicas': Number(e.target.value) })}
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        <code>unclean.leader.election.enable</code>
        <input
          type="checkbox"
          checked={config['unclean.leader.election.enable'] === true}
          onChange={(e) => setTopicConfig({ 'unclean.leader.election.enable': e.target.checked })}
        />
      </label>
      <label>
        <code>replica.lag.time.max.ms</code>
        <select
          value={String(config['replica.lag.time.max.ms'])}
          onChange={(e) => setBrokerConfig({ 'replica.lag.time.max.ms': Number(e.target.value) })}
        >
          {[4000, 10000, 30000].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        <code>enable.idempotence</code>
        <input
          type="checkbox"
          checked={config['enable.idempotence'] === true}
          disabled={config.acks !== 'all'}
          title={config.acks !== 'all' ? 'needs acks=all (R37)' : undefined}
          onChange={(e) =>
            producers.forEach((p) => setClientConfig(p, { 'enable.idempotence': e.target.checked }))
          }
        />
      </label>
      <label>
        <code>broker.session.timeout.ms</code>
        <select
          value={String(config['broker.session.timeout.ms'])}
          onChange={(e) => setBrokerConfig({ 'broker.session.timeout.ms': Number(e.target.value) })}
        >
          {[2000, 6000, 9000, 18000].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <ClusterShape />
    </section>
  );
}
