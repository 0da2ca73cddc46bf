// KRaft metadata propagation: committed records are pushed to every broker at the end of the
// controller event that made them; a broker that missed some gets a snapshot in its next
// heartbeat response (brokers report their metadata offset in every heartbeat).
import { send } from '../core/core';
import type { MetadataRecord } from '../core/messages';
import { brokerAddr, controllerAddr, type MetadataImage, type SimState } from '../core/state';

export function publishMetadata(s: SimState, record: MetadataRecord): void {
  s.controller.offset++;
  s.controller.pendingRecords.push(record);
}

/** Sends the records committed during this event to every running broker. */
export function flushMetadata(s: SimState): void {
  const records = s.controller.pendingRecords;
  if (records.length === 0) return;
  s.controller.pendingRecords = [];
  const active = s.quorum.active;
  if (active === null) return;
  const toOffset = s.controller.offset;
  const fromOffset = toOffset - records.length;
  for (const id of s.brokerIds) {
    if (!s.brokers[id]!.up) continue;
    send(s, controllerAddr(active), brokerAddr(id), {
      kind: 'metadataUpdate',
      fromOffset,
      toOffset,
      records,
    });
  }
}

/** The controller's whole current image, for a broker that is behind. */
export function metadataSnapshot(s: SimState): MetadataImage {
  const brokers: MetadataImage['brokers'] = {};
  for (const [id, reg] of Object.entries(s.controller.brokers)) {
    brokers[id] = { epoch: reg.epoch, fenced: reg.fenced, shuttingDown: reg.shuttingDown };
  }
  return {
    offset: s.controller.offset,
    brokers,
    partitions: { ...s.controller.partitions },
    topicConfigs: { ...s.controller.topicConfigs },
  };
}
