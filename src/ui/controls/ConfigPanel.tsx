import { useSim } from '../../store/use-sim';
import { selectConfig, selectProducerIds } from '../../store/selectors';
import { useSimList } from '../../store/use-sim';
import { setBrokerConfig, setClientConfig, setTopicConfig } from '../../store/actions';
import { ClusterShape } from './ClusterShape';
import { formatDuration } from '../format';
import './config-panel.css';

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
      <RetentionSelect
        name="retention.ms"
        value={Number(config['retention.ms'])}
        choices={[60_000, 600_000, 3_600_000, 604_800_000, -1]}
        title="Each broker deletes whole segments whose newest record is older than this (every log.retention.check.interval.ms, never above its HW)."
      />
      <RetentionSelect
        name="segment.ms"
        value={Number(config['segment.ms'])}
        choices={[10_000, 60_000, 600_000, 604_800_000]}
        title="A new segment starts once the active one's first record is this old; retention only deletes whole segments."
      />
      <ClusterShape />
    </section>
  );
}

/** A topic duration config: Kafka's value in ms, with a readable length beside it. */
function RetentionSelect(props: {
  name: 'retention.ms' | 'segment.ms';
  value: number;
  choices: number[];
  title: string;
}) {
  const { name, value, choices, title } = props;
  const options = choices.includes(value) ? choices : [...choices, value].sort((a, b) => a - b);
  return (
    <label title={title}>
      <code>{name}</code>
      <select
        value={String(value)}
        onChange={(e) => setTopicConfig({ [name]: Number(e.target.value) })}
      >
        {options.map((ms) => (
          <option key={ms} value={ms}>
            {ms} ({ms < 0 ? 'forever' : formatDuration(ms)})
          </option>
        ))}
      </select>
    </label>
  );
}
