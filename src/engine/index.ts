// The engine's public surface.
export { createSimulation } from './core/create';
export { stepOne, runUntil, nextEventTime } from './core/sim';
export { applyCommand, type Command, type CommandResult } from './core/commands';
export { dumpState, readAsConsumer, brokerStatus } from './core/project-dump';
export type { SimState, Message, LogEntry, RecordInfo, PartitionState } from './core/state';
export type { SimEvent } from './core/events';
export type { SimSetup } from './core/setup';
export type { StateDump } from './core/dump';
export { isSettled, produceSettled, manualFetchSettled } from './core/settle';
export { abandonManualFetches } from './broker/fetch-abandon';
export { eventText } from './core/narrate';
export { findRecord, nextRid, recordOf, isSettledRecord, carriedRecords } from './core/records';
export { entryAt, logEndOffset, logEntries } from './broker/log';
export { assignReplicas } from './controller/placement';
export type { PlacementBroker } from './controller/placement';
export {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  defaultsOf,
  parseConfigValue,
} from './core/config';
export type { BrokerConfig, ConfigDef, ConfigOf, ProducerConfig, TopicConfig } from './core/config';
export type { ConsumeResult } from './core/dump';
export { ALL_EVENTS } from './core/events';
export { nextFloat } from './core/rng';
export { DEFAULT_FEATURES, defaultControllers } from './core/setup';
export type { BrokerSetup, ClientSetup, Features, NetworkSetup, TopicSetup } from './core/setup';
export { effectiveMinIsr } from './core/topics';
