import { useState } from 'react';
import { useSim } from '../../store/use-sim';
import { selectConfig, selectTimingsPreset } from '../../store/selectors';
import { loadScenario } from '../../store/actions';
import { simStore } from '../../store/store';
import { clusterScenario } from '../../viz/cluster-scenario';

/** Brokers, partitions and replication factor: changing them rebuilds the cluster. */
export function ClusterShape() {
  const config = useSim(selectConfig);
  const timings = useSim(selectTimingsPreset);
  const view = simStore.getState().view;
  const [brokers, setBrokers] = useState(view?.brokers.length ?? 6);
  const [partitions, setPartitions] = useState(view?.partitions.length ?? 10);
  const [rf, setRf] = useState(view?.status.replicationFactor ?? 3);
  const rebuild = () =>
    loadScenario(
      clusterScenario({
        brokers,
        partitions,
        replicationFactor: rf,
        minIsr: Number(config?.['min.insync.replicas'] ?? 1),
        acks: String(config?.acks ?? 'all'),
      }),
      timings,
      true,
    );
  const field = (label: string, value: number, set: (n: number) => void, max: number) => (
    <label>
      <span>{label}</span>
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(e) => set(Math.trunc(Number(e.target.value)))}
      />
    </label>
  );
  return (
    <form
      className="shape"
      aria-label="Cluster shape"
      onSubmit={(e) => {
        e.preventDefault();
        rebuild();
      }}
    >
      {field('brokers', brokers, setBrokers, 30)}
      {field('partitions', partitions, setPartitions, 100)}
      {field('replication factor', rf, setRf, 10)}
      <button type="submit">Rebuild cluster</button>
    </form>
  );
}
