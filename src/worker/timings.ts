// Kafka's real timings versus the "demo timings" preset (product.md, "Two time scales"):
// latency scaled up and failover timers scaled down together, so a failover plays out in a few
// seconds with every message visible. The UI always shows which is in force.
import type { SimSetup } from '../engine/index';
import type { TimingsPreset } from '../protocol/messages';

export const DEMO_TIMINGS = {
  latencyMs: 50,
  jitterMs: 50,
  'replica.fetch.wait.max.ms': 250,
  'broker.heartbeat.interval.ms': 500,
  'broker.session.timeout.ms': 2000,
  'replica.lag.time.max.ms': 4000,
} as const;

export function applyTimings(setup: SimSetup, preset: TimingsPreset): SimSetup {
  if (preset === 'kafka') return setup;
  return {
    ...setup,
    network: { latencyMs: DEMO_TIMINGS.latencyMs, jitterMs: DEMO_TIMINGS.jitterMs },
    brokerConfig: {
      ...setup.brokerConfig,
      'replica.fetch.wait.max.ms': DEMO_TIMINGS['replica.fetch.wait.max.ms'],
      'broker.heartbeat.interval.ms': DEMO_TIMINGS['broker.heartbeat.interval.ms'],
      'broker.session.timeout.ms': DEMO_TIMINGS['broker.session.timeout.ms'],
      'replica.lag.time.max.ms': DEMO_TIMINGS['replica.lag.time.max.ms'],
    },
  };
}
