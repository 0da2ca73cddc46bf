// Colours of message kinds (canvas particles and the legend). Roles and states use CSS variables.
import type { MessageKind } from '../protocol/view';

export interface KindStyle {
  label: string;
  color: string;
}

// Hues far apart for the kinds a class follows (produce, ack, replication, consumer, ISR, leader
// change); red is kept for errors alone.
export const MESSAGE_STYLES: Record<MessageKind, KindStyle> = {
  produce: { label: 'Produce', color: '#2563eb' },
  produceResponse: { label: 'Produce ack', color: '#16a34a' },
  fetch: { label: 'Follower fetch (waiting)', color: '#8b5cf6' },
  fetchResponse: { label: 'Replication (records)', color: '#9333ea' },
  consumerFetch: { label: 'Consumer fetch', color: '#0891b2' },
  consumerFetchResponse: { label: 'Consumer records', color: '#0e7490' },
  metadata: { label: 'Metadata request', color: '#b45309' },
  metadataResponse: { label: 'Metadata response', color: '#92400e' },
  heartbeat: { label: 'Heartbeat', color: '#94a3b8' },
  heartbeatResponse: { label: 'Heartbeat response', color: '#94a3b8' },
  alterPartition: { label: 'AlterPartition (ISR change)', color: '#ea580c' },
  alterPartitionResponse: { label: 'AlterPartition response', color: '#c2410c' },
  metadataUpdate: { label: 'Metadata update (leaders, ISR)', color: '#db2777' },
  registration: { label: 'Broker registration', color: '#64748b' },
  other: { label: 'Other', color: '#64748b' },
};

export const ERROR_COLOR = '#dc2626';

/** Kinds shown in the legend, in reading order. */
export const LEGEND_KINDS: MessageKind[] = [
  'metadata',
  'metadataResponse',
  'produce',
  'produceResponse',
  'fetch',
  'fetchResponse',
  'consumerFetch',
  'consumerFetchResponse',
  'heartbeat',
  'alterPartition',
  'metadataUpdate',
];
