// The cross-config rules Kafka itself enforces when a broker or a producer starts: what a shape
// cannot say, since they relate several configs.
import type { BrokerConfig, ConfigOf, PRODUCER_CONFIG, ProducerConfig } from '../engine';

/** Kafka refuses to start a broker with these combinations (KafkaConfig.validateValues). */
export function brokerConfigProblems(config: BrokerConfig): string[] {
  const wait = config['replica.fetch.wait.max.ms'];
  const socket = config['replica.socket.timeout.ms'];
  const lag = config['replica.lag.time.max.ms'];
  const problems: string[] = [];
  if (wait > socket)
    problems.push(
      `replica.socket.timeout.ms (${socket}) should always be at least replica.fetch.wait.max.ms (${wait}) to prevent unnecessary socket timeouts`,
    );
  if (wait > lag)
    problems.push(
      `replica.fetch.wait.max.ms (${wait}) should always be less than or equal to replica.lag.time.max.ms (${lag}) to prevent frequent changes in ISR`,
    );
  return problems;
}

/** A config combination Kafka refuses, attributed to the config at fault. */
export interface ConfigProblem {
  name: string;
  message: string;
}

/**
 * What KafkaProducer does with its config at construction: a conflicting setting silently
 * turns idempotence off unless enable.idempotence was set explicitly (R37), and
 * delivery.timeout.ms is raised to linger.ms + request.timeout.ms unless set explicitly.
 * Explicit conflicts are ConfigExceptions, returned as messages.
 */
export function applyProducerRules(
  config: ConfigOf<typeof PRODUCER_CONFIG>,
  explicit: ReadonlySet<string>,
): { config: ProducerConfig; problems: ConfigProblem[] } {
  const out: { -readonly [K in keyof ProducerConfig]: ProducerConfig[K] } = {
    ...config,
    idempotenceExplicit: explicit.has('enable.idempotence'),
  };
  const problems: ConfigProblem[] = [];

  const floor = Math.min(out['linger.ms'] + out['request.timeout.ms'], 2147483647);
  if (out['delivery.timeout.ms'] < floor) {
    if (explicit.has('delivery.timeout.ms'))
      problems.push({
        name: 'delivery.timeout.ms',
        message: `ConfigException: delivery.timeout.ms (${out['delivery.timeout.ms']}) should be equal to or larger than linger.ms + request.timeout.ms (${floor})`,
      });
    else out['delivery.timeout.ms'] = floor;
  }

  if (out['enable.idempotence']) {
    const conflicts: ConfigProblem[] = [];
    if (out.retries === 0)
      conflicts.push({
        name: 'retries',
        message: 'Must set retries to non-zero when using the idempotent producer.',
      });
    if (out.acks !== -1)
      conflicts.push({
        name: 'acks',
        message:
          'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
      });
    if (out['max.in.flight.requests.per.connection'] > 5)
      conflicts.push({
        name: 'max.in.flight.requests.per.connection',
        message:
          'Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.',
      });
    if (conflicts.length > 0) {
      if (out.idempotenceExplicit)
        for (const c of conflicts)
          problems.push({
            name: c.name,
            message: `ConfigException: ${c.message} (enable.idempotence is set to true explicitly)`,
          });
      else out['enable.idempotence'] = false;
    }
  }
  return { config: out, problems };
}
