import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioRunner } from '../worker/test-support/scenario-runner';
import { EVENT_LOG_LIMIT, initialUi, simStore, writeView } from './store';
import {
  selectBrokerIds,
  selectBrokerLeaderCount,
  selectBrokerReplicas,
  selectBrokerStatus,
  selectReplicaInSync,
  selectReplicaRole,
  selectStatus,
} from './selectors';

const runner = () => scenarioRunner('lecture');

beforeEach(() => {
  simStore.setState({
    view: null,
    events: [],
    brokersById: {},
    partitionsByName: {},
    replicasByKey: {},
    replicasOfBroker: {},
    error: null,
    ui: initialUi,
  });
});

describe('store and selectors', () => {
  it('indexes the view for per-broker and per-replica selectors', () => {
    const r = runner();
    writeView(r.view(), 0);
    const s = simStore.getState();
    expect(selectBrokerIds(s)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(selectBrokerLeaderCount(4)(s)).toBe(2);
    expect(selectBrokerReplicas(4)(s)).toEqual({
      leaders: ['replicated_topic-2', 'replicated_topic-8'],
      followers: [
        'replicated_topic-1',
        'replicated_topic-4',
        'replicated_topic-6',
        'replicated_topic-7',
      ],
    });
    expect(selectReplicaRole('replicated_topic-0', 2)(s)).toBe('leader');
    expect(selectReplicaInSync('replicated_topic-0', 0)(s)).toBe(true);
  });

  it('keeps the replica lists of a broker whose replicas did not change (no re-render)', () => {
    const r = runner();
    writeView(r.view(), 0);
    const before = selectBrokerReplicas(3)(simStore.getState());
    r.advance(500);
    writeView(r.view(), 1);
    expect(selectBrokerReplicas(3)(simStore.getState())).toBe(before);
  });

  it('reflects a kill: status down, then the new leader and the shrunk ISR', () => {
    const r = runner();
    r.command({ type: 'kill', broker: 2 });
    writeView(r.view(), 0);
    expect(selectBrokerStatus(2)(simStore.getState())).toBe('down');
    r.advance(3000);
    writeView(r.view(), 1);
    const s = simStore.getState();
    expect(selectReplicaRole('replicated_topic-0', 0)(s)).toBe('leader');
    expect(selectReplicaInSync('replicated_topic-0', 2)(s)).toBe(false);
    expect(selectStatus(s)?.underReplicated).toBe(5);
  });

  it('accumulates events once each and caps the log', () => {
    const r = runner();
    for (let i = 0; i < 40; i++) {
      r.advance(1000);
      writeView(r.view(), i);
    }
    const events = simStore.getState().events;
    expect(events.length).toBeLessThanOrEqual(EVENT_LOG_LIMIT);
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
  });
});
