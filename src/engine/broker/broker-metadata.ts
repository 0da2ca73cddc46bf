// Any broker answers a client's metadata request from its own (possibly stale) metadata image.
import { send } from '../core/core';
import type { Payload } from '../core/messages';
import type { Broker, Message, SimState } from '../core/state';

type MetadataRequest = Extract<Payload, { kind: 'metadataRequest' }>;

export function answerMetadataRequest(
  s: SimState,
  b: Broker,
  msg: Message,
  req: MetadataRequest,
): void {
  const brokers = Object.entries(b.image.brokers)
    .filter(([, info]) => !info.fenced)
    .map(([id]) => Number(id))
    .sort((x, y) => x - y);
  const partitions = [];
  for (const name of s.partitionOrder) {
    const p = b.image.partitions[name];
    if (!p || !req.topics.includes(p.topic)) continue;
    partitions.push({
      partition: name,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      error: p.leader === null ? 'LEADER_NOT_AVAILABLE' : null,
    });
  }
  send(s, msg.to, msg.from, {
    kind: 'metadataResponse',
    requestId: req.requestId,
    brokers,
    partitions,
  });
}
