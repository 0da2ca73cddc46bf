// The engine's public surface.
export { createSimulation, type CreateResult } from './create';
export { stepOne, runUntil, runUntilCondition, drainNow, nextEventTime } from './sim';
export { applyCommand, type Command, type CommandResult } from './commands';
export { dumpState, readAsConsumer, brokerStatus } from './project-dump';
export type { SimState, Message, LogEntry, RecordInfo, PartitionState } from './state';
export type { SimEvent, EventName } from './events';
export type { SimSetup } from './setup';
export type { StateDump } from './dump';
export { isSettled, produceSettled, manualFetchSettled } from './settle';
export { abandonManualFetches } from './fetch-abandon';
export { eventText } from './narrate';
export { isLost as isLostRecord } from './checker';
export { findRecord, nextRid, recordOf, isSettledRecord, carriedRecords } from './records';
