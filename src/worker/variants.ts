// Side by side: the same scenario, seed and actions with one setting changed between two lanes.
import type { SimSetup } from '../engine/index';
import type { CompareVariant } from '../protocol/messages';

export interface Lane {
  label: string;
  setup: SimSetup;
}

function withProducers(setup: SimSetup, config: Record<string, unknown>): SimSetup {
  return {
    ...setup,
    clients: setup.clients.map((c) =>
      c.type === 'producer' ? { ...c, config: { ...c.config, ...config } } : c,
    ),
  };
}

function withTopics(setup: SimSetup, config: Record<string, unknown>): SimSetup {
  return {
    ...setup,
    topics: setup.topics.map((t) => ({ ...t, config: { ...t.config, ...config } })),
  };
}

/** The two lanes of a comparison: the weaker setting on the left. */
export function lanes(setup: SimSetup, variant: CompareVariant): [Lane, Lane] {
  if (variant === 'acks') {
    return [
      { label: 'acks=1', setup: withProducers(setup, { acks: 1, 'enable.idempotence': false }) },
      { label: 'acks=all', setup: withProducers(setup, { acks: -1 }) },
    ];
  }
  return [
    {
      label: 'unclean.leader.election.enable=true',
      setup: withTopics(setup, { 'unclean.leader.election.enable': true }),
    },
    {
      label: 'unclean.leader.election.enable=false',
      setup: withTopics(setup, { 'unclean.leader.election.enable': false }),
    },
  ];
}
