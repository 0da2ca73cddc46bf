// Kafka configuration: names, real defaults (kafka-semantics.md §3) and value parsing.
// Values may be given as in a properties file (strings) or as JSON numbers/booleans.

export type ConfigKind = 'ms' | 'int' | 'bool' | 'acks' | 'string' | 'enum';

export interface ConfigDef {
  kind: ConfigKind;
  default: number | boolean | string;
  /** for 'enum': the accepted values */
  values?: readonly string[];
  /** smallest accepted value for numbers */
  min?: number;
}

/** Broker-level (and controller) configs the simulator models. */
export const BROKER_CONFIG = {
  'broker.heartbeat.interval.ms': { kind: 'ms', default: 2000, min: 1 },
  'broker.session.timeout.ms': { kind: 'ms', default: 9000, min: 1 },
  'replica.lag.time.max.ms': { kind: 'ms', default: 30000, min: 1 },
  'replica.fetch.wait.max.ms': { kind: 'ms', default: 500, min: 0 },
  'replica.fetch.backoff.ms': { kind: 'ms', default: 1000, min: 0 },
  'replica.socket.timeout.ms': { kind: 'ms', default: 30000, min: 1 },
  'replica.fetch.max.records': { kind: 'int', default: 1000, min: 1 },
  'replica.high.watermark.checkpoint.interval.ms': { kind: 'ms', default: 5000, min: 1 },
  'controller.quorum.election.timeout.ms': { kind: 'ms', default: 1000, min: 1 },
  'controller.quorum.fetch.timeout.ms': { kind: 'ms', default: 2000, min: 1 },
  'auto.leader.rebalance.enable': { kind: 'bool', default: true },
  'leader.imbalance.check.interval.seconds': { kind: 'int', default: 300, min: 1 },
  'unclean.leader.election.interval.ms': { kind: 'ms', default: 300000, min: 1 },
  'log.retention.check.interval.ms': { kind: 'ms', default: 300000, min: 1 },
  // Topic-level defaults may also be set cluster-wide, as in Kafka.
  'min.insync.replicas': { kind: 'int', default: 1, min: 1 },
  'unclean.leader.election.enable': { kind: 'bool', default: false },
  'default.replication.factor': { kind: 'int', default: 1, min: 1 },
  'num.partitions': { kind: 'int', default: 1, min: 1 },
  'eligible.leader.replicas.enable': { kind: 'bool', default: false },
} as const satisfies Record<string, ConfigDef>;

export const TOPIC_CONFIG = {
  'min.insync.replicas': BROKER_CONFIG['min.insync.replicas'],
  'unclean.leader.election.enable': BROKER_CONFIG['unclean.leader.election.enable'],
  // 7 days each; retention.ms -1 keeps records forever
  'retention.ms': { kind: 'ms', default: 604800000, min: -1 },
  'segment.ms': { kind: 'ms', default: 604800000, min: 1 },
} as const satisfies Record<string, ConfigDef>;

export const PRODUCER_CONFIG = {
  acks: { kind: 'acks', default: -1 },
  'enable.idempotence': { kind: 'bool', default: true },
  retries: { kind: 'int', default: 2147483647, min: 0 },
  'delivery.timeout.ms': { kind: 'ms', default: 120000, min: 1 },
  'request.timeout.ms': { kind: 'ms', default: 30000, min: 1 },
  'linger.ms': { kind: 'ms', default: 5, min: 0 },
  'batch.size': { kind: 'int', default: 16384, min: 0 },
  'max.in.flight.requests.per.connection': { kind: 'int', default: 5, min: 1 },
  'retry.backoff.ms': { kind: 'ms', default: 100, min: 0 },
  'retry.backoff.max.ms': { kind: 'ms', default: 1000, min: 0 },
  'metadata.max.age.ms': { kind: 'ms', default: 300000, min: 0 },
  'reconnect.backoff.ms': { kind: 'ms', default: 50, min: 0 },
  'reconnect.backoff.max.ms': { kind: 'ms', default: 1000, min: 0 },
} as const satisfies Record<string, ConfigDef>;

export const CONSUMER_CONFIG = {
  'isolation.level': {
    kind: 'enum',
    default: 'read_uncommitted',
    values: ['read_uncommitted', 'read_committed'],
  },
  'auto.offset.reset': { kind: 'enum', default: 'latest', values: ['latest', 'earliest', 'none'] },
  'fetch.max.wait.ms': { kind: 'ms', default: 500, min: 0 },
  'request.timeout.ms': { kind: 'ms', default: 30000, min: 1 },
  'retry.backoff.ms': { kind: 'ms', default: 100, min: 0 },
  'metadata.max.age.ms': { kind: 'ms', default: 300000, min: 0 },
} as const satisfies Record<string, ConfigDef>;

type Parsed<D extends ConfigDef> = D['kind'] extends 'bool'
  ? boolean
  : D['kind'] extends 'enum' | 'string'
    ? string
    : number;
export type ConfigOf<T extends Record<string, ConfigDef>> = { [K in keyof T]: Parsed<T[K]> };

export type BrokerConfig = ConfigOf<typeof BROKER_CONFIG>;
export type TopicConfig = ConfigOf<typeof TOPIC_CONFIG>;
export type ProducerConfig = ConfigOf<typeof PRODUCER_CONFIG> & {
  /** whether enable.idempotence was given explicitly (R37: conflicts then raise ConfigException) */
  idempotenceExplicit: boolean;
};
export type ConsumerConfig = ConfigOf<typeof CONSUMER_CONFIG>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses one config value; the error says what was expected (without the field name). */
export function parseConfigValue(
  def: ConfigDef,
  raw: unknown,
): ParseResult<number | boolean | string> {
  switch (def.kind) {
    case 'bool': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return { ok: false, error: `expected true or false, got ${show(raw)}` };
    }
    case 'acks': {
      if (raw === 'all' || raw === -1 || raw === '-1') return { ok: true, value: -1 };
      if (raw === 0 || raw === '0') return { ok: true, value: 0 };
      if (raw === 1 || raw === '1') return { ok: true, value: 1 };
      return { ok: false, error: `expected "all", "-1", "1" or "0", got ${show(raw)}` };
    }
    case 'enum':
    case 'string': {
      if (typeof raw !== 'string')
        return { ok: false, error: `expected a string, got ${show(raw)}` };
      if (def.values && !def.values.includes(raw))
        return { ok: false, error: `expected one of ${def.values.join(', ')}, got ${show(raw)}` };
      return { ok: true, value: raw };
    }
    case 'ms':
    case 'int': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n))
        return { ok: false, error: `expected an integer, got ${show(raw)}` };
      if (def.min !== undefined && n < def.min)
        return { ok: false, error: `expected an integer >= ${def.min}, got ${n}` };
      return { ok: true, value: n };
    }
  }
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

export function defaultsOf<T extends Record<string, ConfigDef>>(defs: T): ConfigOf<T> {
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(defs)) out[k] = d.default;
  return out as ConfigOf<T>;
}

/**
 * Applies raw values over defaults. Unknown names and bad values are reported by name;
 * `where` prefixes the field path (e.g. "clients.P.config").
 */
export function parseConfig<T extends Record<string, ConfigDef>>(
  defs: T,
  raw: Record<string, unknown> | undefined,
  where: string,
  base: ConfigOf<T> = defaultsOf(defs),
): ParseResult<ConfigOf<T>> {
  const out: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(raw ?? {})) {
    const def = Object.hasOwn(defs, name) ? (defs as Record<string, ConfigDef>)[name] : undefined;
    if (!def) {
      const known = Object.keys(defs).join(', ');
      return { ok: false, error: `${where}.${name}: unknown config (known: ${known})` };
    }
    const parsed = parseConfigValue(def, value);
    if (!parsed.ok) return { ok: false, error: `${where}.${name}: ${parsed.error}` };
    out[name] = parsed.value;
  }
  return { ok: true, value: out as ConfigOf<T> };
}
