// Topic configs that follow the cluster's dynamic default. In Kafka a topic config the topic does
// not set itself takes the cluster-wide value (kafka-configs --entity-default): the controller
// resolves a topic's config as topic, then its own node's dynamic config, then the cluster
// default, then the static config (ConfigurationControlManager.getTopicConfig ->
// KafkaConfigSchema.resolveEffectiveTopicConfig), and the brokers' LogConfig does the same. So a
// dynamic cluster default of unclean.leader.election.enable or min.insync.replicas changes every
// topic without a value of its own; a per-broker value never reaches the controller.
import { BROKER_CONFIG, TOPIC_CONFIG, type BrokerConfig, type TopicConfig } from './config';
import type { SimState } from './state';

type TopicKey = keyof TopicConfig;

const isTopicKey = (k: string): k is TopicKey => Object.hasOwn(TOPIC_CONFIG, k);

/**
 * The keys a new topic sets itself. The scenario's setup gives the merged config, so a value that
 * differs from the cluster's is taken as the topic's own (one equal to it, given explicitly in
 * the file, cannot be told apart and follows the default).
 */
export function topicOverrides(config: TopicConfig, cluster: BrokerConfig): TopicKey[] {
  return (Object.keys(config) as TopicKey[]).filter((k) => {
    const clusterValue = Object.hasOwn(BROKER_CONFIG, k)
      ? cluster[k as keyof BrokerConfig]
      : TOPIC_CONFIG[k].default;
    return config[k] !== clusterValue;
  });
}

/** A topic-scope setConfig: these keys are now the topic's own. */
export function markTopicOverrides(s: SimState, topic: string, keys: string[]): void {
  const own = new Set(s.controller.topicOverrides[topic] ?? []);
  for (const k of keys) if (isTopicKey(k)) own.add(k);
  s.controller.topicOverrides[topic] = [...own];
}

/**
 * A cluster-wide setConfig (every broker, no id): each topic config it names becomes the value of
 * every topic that does not set it itself, at the controller and in every broker's metadata.
 */
export function applyClusterDefaults(s: SimState, config: Record<string, unknown>): void {
  const keys = Object.keys(config).filter(isTopicKey);
  if (!keys.length) return;
  for (const [topic, cfg] of Object.entries(s.controller.topicConfigs)) {
    const own = s.controller.topicOverrides[topic] ?? [];
    const next = { ...cfg } as Record<string, unknown>;
    for (const k of keys) if (!own.includes(k)) next[k] = s.clusterConfig[k as keyof BrokerConfig];
    s.controller.topicConfigs[topic] = next as TopicConfig;
    for (const b of Object.values(s.brokers))
      b.image.topicConfigs[topic] = { ...next } as TopicConfig;
  }
}
