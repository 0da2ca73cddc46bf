// Which setConfig steps a real cluster can do: Kafka changes only its dynamic broker configs live.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { notRunnableReason } from './runnable';

function withStep(step: Record<string, unknown>) {
  const parsed = parseScenario({
    format: 'kafka-replication-scenario/1',
    title: 'setConfig',
    cluster: { brokers: [1, 2, 3] },
    topics: [{ name: 't', assignment: { '0': [1, 2, 3] } }],
    steps: [step],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

describe('setConfig on a real cluster', () => {
  it('runs a cluster-wide min.insync.replicas or unclean.leader.election.enable (dynamic in Kafka)', () => {
    const s = withStep({
      do: 'setConfig',
      scope: 'broker',
      config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': true },
    });
    expect(notRunnableReason(s)).toBeNull();
  });

  it('reports a static broker config as not runnable, naming it', () => {
    const s = withStep({
      do: 'setConfig',
      scope: 'broker',
      broker: 2,
      config: { 'replica.lag.time.max.ms': 10000 },
    });
    expect(notRunnableReason(s)).toMatch(
      /^steps\[0\] setConfig of replica.lag.time.max.ms: Kafka cannot change it on a running broker/,
    );
  });
});
