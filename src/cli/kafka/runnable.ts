// Which scenario steps the harness can do faithfully on a real cluster, and which facts it can
// observe there. A scenario with a step it cannot do is reported "not runnable on Kafka" with the
// reason; it is never silently skipped.
import type { Facts, Scenario, Step } from '../../scenario/types';

import { networkUnavailable } from './network';

/**
 * The broker configs of the scenario vocabulary that Kafka 4.4.0 can change on a running cluster
 * (kafka-configs --alter): the topic-config synonyms of DynamicBrokerConfig.DynamicLogConfig.
 * Every other one (replica.lag.time.max.ms, broker.session.timeout.ms, ...) is static there:
 * checked against DynamicBrokerConfig.ALL_DYNAMIC_CONFIGS of the 4.4.0 jar.
 */
const DYNAMIC_BROKER_CONFIGS = new Set(['min.insync.replicas', 'unclean.leader.election.enable']);

const CUTS = new Set<Step['do']>(['pauseFetch', 'resumeFetch', 'partitionNetwork', 'heal']);

const NOT_FAITHFUL: Partial<Record<Step['do'], string>> = {
  fetch:
    'a single fetch round trip by a paused follower (with its response delivered or dropped) cannot be made to happen on demand in a real broker',
  poll: "poll validates the consumer's position against the leader epoch (R35); the harness's consumer reads from fixed offsets only",
  refreshMetadata: "Kafka's clients have no public call that forces a metadata refresh",
  produceStream:
    'produceStream is a visualizer addition (a steady stream), not a scenario-format v1 action',
  subscribe:
    'subscribe is a visualizer addition (continuous polling), not a scenario-format v1 action',
};

/**
 * Scenarios whose expectations sit at instants a real cluster passes in a few milliseconds, far
 * less than the harness needs to look (its steps would compare timing, not behaviour).
 */
const INSTANTS: Record<string, string> = {
  '35-new-leader-hw-lags-until-followers-fetch.json':
    "it needs the followers' HW still stale when the leader stops, i.e. within the 500 ms their parked fetches take to return; the harness's pauseFetch waits that long for a parked fetch to drain, so on a real cluster the window has passed",
  '25-lecture-produce-path-leader-2-follower-0.json':
    "its expects sit between a send and the follower's next fetch, and between that fetch and the acknowledgement: a few milliseconds apart on a real cluster",
};

/** Why the scenario cannot run on Kafka, or null when every step can. */
export function notRunnableReason(s: Scenario, file = ''): string | null {
  const instant = Object.entries(INSTANTS).find(([name]) => file.endsWith(name));
  if (instant) return instant[1];
  const net = networkUnavailable();
  for (const step of s.steps) {
    if (CUTS.has(step.do) && net) return `steps[${step.index}] ${step.do}: ${net}`;
    const why = NOT_FAITHFUL[step.do];
    if (why) return `steps[${step.index}] ${step.do}: ${why}`;
    const prev = s.steps[step.index - 1];
    if (
      step.do === 'partitionNetwork' &&
      step.at === undefined &&
      prev?.do === 'produce' &&
      (step.a === prev.client || step.b === prev.client)
    )
      return `steps[${step.index}] partitionNetwork right after ${prev.client}'s produce: the cut has to fall inside that request's round trip (after the leader's append, before the response arrives: about a millisecond), which cannot be timed from outside a real cluster`;
    if (step.do === 'setConfig' && step.scope === 'client')
      return `steps[${step.index}] setConfig of a client: a running Kafka producer cannot change its config`;
    if (step.do === 'setConfig' && step.scope === 'broker') {
      const fixed = Object.keys(step.config).filter((k) => !DYNAMIC_BROKER_CONFIGS.has(k));
      if (fixed.length)
        return `steps[${step.index}] setConfig of ${fixed.join(', ')}: Kafka cannot change ${fixed.length > 1 ? 'these' : 'it'} on a running broker (AlterConfigs answers "Cannot update these configs dynamically"; DynamicBrokerConfig.ALL_DYNAMIC_CONFIGS does not list ${fixed.length > 1 ? 'them' : 'it'}); the visualizer changes ${fixed.length > 1 ? 'them' : 'it'} live as a what-if`;
    }
  }
  return null;
}

/**
 * The part of an `expect` that real Kafka can show without depending on timing. Left out, with
 * the reason in the report: a replica's in-memory HW (only its checkpoint, written every 5 s, is
 * on disk), attempt errors (how many retries happen depends on timing), truncations (not
 * recorded by Kafka) and partition epochs (not in the DescribeTopicPartitions response).
 */
export function observable(f: Facts): { facts: Facts; skipped: string[] } {
  const skipped = new Set<string>();
  const facts: Facts = { ...f };
  if (f.truncations) {
    delete facts.truncations;
    skipped.add('truncations');
  }
  if (f.partitions) {
    facts.partitions = {};
    for (const [name, p] of Object.entries(f.partitions)) {
      const q = { ...p };
      if (q.partitionEpoch !== undefined) {
        delete q.partitionEpoch;
        skipped.add('partitionEpoch');
      }
      if (q.replicas) {
        q.replicas = {};
        for (const [b, r] of Object.entries(p.replicas!)) {
          const { hw, ...rest } = r;
          if (hw !== undefined) skipped.add('replica hw');
          if (Object.keys(rest).length) q.replicas[b] = rest;
        }
        if (!Object.keys(q.replicas).length) delete q.replicas;
      }
      if (Object.keys(q).length) facts.partitions[name] = q;
    }
    if (!Object.keys(facts.partitions).length) delete facts.partitions;
  }
  if (f.records) {
    facts.records = {};
    for (const [v, r] of Object.entries(f.records)) {
      const { attemptErrors, ...rest } = r;
      if (attemptErrors) skipped.add('attemptErrors');
      facts.records[v] = rest;
    }
  }
  return { facts, skipped: [...skipped] };
}

export function isEmpty(f: Facts): boolean {
  return Object.keys(f).length === 0;
}
