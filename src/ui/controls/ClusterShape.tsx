import { useState } from 'react';
import { useSim } from '../../store/use-sim';
import { selectConfig, selectTimingsPreset } from '../../store/selectors';
import { loadScenario } from '../../store/actions';
import { setError, simStore, type SimStoreState } from '../../store/store';
import { clusterScenario } from '../../viz/cluster-scenario';
import './cluster-shape.css';

const selectRun = (s: SimStoreState) => s.view?.run ?? 0;

interface Fields {
  brokers: string;
  partitions: string;
  rf: string;
}

/** The fields as the run on screen has them (after any load, not what was typed before). */
function fromView(): Fields {
  const view = simStore.getState().view;
  return {
    brokers: String(view?.brokers.length ?? 6),
    partitions: String(view?.partitions.length ?? 10),
    rf: String(view?.status.replicationFactor ?? 3),
  };
}

/** A whole number from 1 to max exactly as typed (no rounding, no sign dropped), or null. */
function count(text: string, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= max ? n : null;
}

/** Brokers, partitions and replication factor: changing them rebuilds the cluster. */
export function ClusterShape() {
  const config = useSim(selectConfig);
  const timings = useSim(selectTimingsPreset);
  const run = useSim(selectRun);
  const [state, setState] = useState(() => ({ run, fields: fromView() }));
  // another scenario was loaded: the fields show its shape
  const fields = state.run === run ? state.fields : fromView();
  if (state.run !== run) setState({ run, fields });
  const set = (key: keyof Fields, value: string) =>
    setState({ run, fields: { ...fields, [key]: value } });
  const limits: [keyof Fields, string, number][] = [
    ['brokers', 'brokers', 30],
    ['partitions', 'partitions', 100],
    ['rf', 'replication factor', 10],
  ];
  const rebuild = () => {
    const values: Partial<Record<keyof Fields, number>> = {};
    for (const [key, label, max] of limits) {
      const n = count(fields[key], max);
      if (n === null) {
        setError({
          message: `Cluster shape: ${label}: expected a whole number from 1 to ${max}, got "${fields[key].slice(0, 40)}".`,
          fatal: false,
        });
        return;
      }
      values[key] = n;
    }
    loadScenario(
      clusterScenario({
        brokers: values.brokers!,
        partitions: values.partitions!,
        replicationFactor: values.rf!,
        minIsr: Number(config?.['min.insync.replicas'] ?? 1),
        acks: String(config?.acks ?? 'all'),
      }),
      timings,
      true,
    );
  };
  return (
    <form
      className="shape"
      aria-label="Cluster shape"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        rebuild();
      }}
    >
      {limits.map(([key, label, max]) => (
        <label key={key}>
          <span>{label}</span>
          <input
            type="text"
            inputMode="numeric"
            aria-label={label}
            aria-invalid={count(fields[key], max) === null}
            title={`a whole number from 1 to ${max}`}
            value={fields[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        </label>
      ))}
      <button type="submit">Rebuild cluster</button>
    </form>
  );
}
