// Everything the engine schedules for itself. Timers carry the incarnation of the node that
// set them, so a timer of a node that has since crashed or restarted is ignored.

export type TimerEvent =
  | { kind: 'deliver'; messageId: number }
  | { kind: 'brokerHeartbeat'; broker: number; incarnation: number }
  | { kind: 'isrCheck'; broker: number; incarnation: number }
  | { kind: 'hwCheckpoint'; broker: number; incarnation: number }
  | { kind: 'shutdownDeadline'; broker: number; incarnation: number }
  | { kind: 'retentionCheck'; broker: number; incarnation: number }
  | { kind: 'fetcherWake'; broker: number; incarnation: number; leader: number }
  | { kind: 'fetchTimeout'; broker: number; incarnation: number; leader: number; fetchId: number }
  | { kind: 'parkedFetchExpire'; broker: number; incarnation: number; parkedId: number }
  | { kind: 'parkedProduceExpire'; broker: number; incarnation: number; parkedId: number }
  | { kind: 'alterPartitionRetry'; broker: number; incarnation: number; partition: string }
  | { kind: 'sessionCheck' }
  | { kind: 'controllerElection'; epoch: number }
  | { kind: 'quorumCheck' }
  | { kind: 'leaderImbalanceCheck' }
  | { kind: 'uncleanCheck' }
  | {
      kind: 'disconnect';
      messageId: number;
      from: string;
      to: string;
      request: string;
      requestId: number;
    }
  | { kind: 'producerWake'; client: string; at: number }
  | { kind: 'produceRequestTimeout'; client: string; requestId: number }
  | { kind: 'batchExpire'; client: string; at: number }
  | { kind: 'metadataTimeout'; client: string; requestId: number }
  | { kind: 'consumerTimeout'; client: string; requestId: number }
  | {
      kind: 'consumerPoll';
      client: string;
      /** only this partition (else all) */ partition?: string;
    }
  | { kind: 'streamTick'; client: string; epoch: number };
