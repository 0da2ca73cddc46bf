// The event stream: what happened, when, to whom, and the rule (kafka-semantics.md) behind it.
// The UI narrates these; scenarios match them with `expectEvent`.

/** Events named by scenario-format.md (usable in `expectEvent`). */
export const SCENARIO_EVENTS = [
  'brokerFenced',
  'brokerUnfenced',
  'leaderChanged',
  'isrShrunk',
  'isrExpanded',
  'highWatermarkAdvanced',
  'truncated',
  'recordAcked',
  'produceAttemptFailed',
  'produceFailed',
  'controllerElected',
] as const;

/** Further events this engine emits (also matchable by `expectEvent`). */
export const EXTRA_EVENTS = [
  'brokerKilled',
  'brokerStopped',
  'brokerRestarted',
  'brokerRegistered',
  'becameLeader',
  'brokerShutdownRequested',
  'controllerKilled',
  'controllerRestarted',
  'recordAppended',
  'recordReplicated',
  'recordSent',
  'connectionRefused',
  'producerEpochBumped',
  'connectionClosed',
  'recordConsumed',
  'metadataRefreshed',
  'fetchPaused',
  'fetchResumed',
  'networkPartitioned',
  'networkHealed',
  'configChanged',
  'logTruncationDetected',
  'segmentsDeleted',
  'logStartReset',
  'offsetReset',
  'preferredLeaderNotAvailable',
  'recordLost',
  'invariantViolated',
] as const;

export type EventName = (typeof SCENARIO_EVENTS)[number] | (typeof EXTRA_EVENTS)[number];

export const ALL_EVENTS: readonly EventName[] = [...SCENARIO_EVENTS, ...EXTRA_EVENTS];

export interface SimEvent {
  /** simulated ms */
  t: number;
  /** position in the stream (0, 1, 2, ...) */
  seq: number;
  /** scheduled items processed when it happened (SimState.dispatched): where replay finds it */
  d: number;
  type: EventName;
  /** the rule of kafka-semantics.md behind it, e.g. "R25" */
  rule?: string;
  broker?: number;
  partition?: string;
  record?: string;
  client?: string;
  controller?: number;
  /** event-specific details (leader, epoch, isr, offsets, error, reason, ...) */
  data?: Record<string, unknown>;
  /** a plain sentence for the event log; absent for frequent events (see eventText in narrate.ts) */
  text?: string;
}
