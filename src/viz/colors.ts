// Colours of message kinds (canvas particles and the legend). Roles and states use CSS variables.
import type { MessageKind } from '../protocol/view';

export interface KindStyle {
  label: string;
  color: string;
}

export const MESSAGE_STYLES: Record<MessageKind, KindStyle> = {
  produce: { label: 'Produce', color: '#2563eb' },
  produceResponse: { label: 'Produce ack / error', color: '#16a34a' },
  fetch: { label: 'Follower fetch', color: '#9333ea' },
  fetchResponse: { label: 'Fetch response', color: '#c026d3' },
  consumerFetch: { label: 'Consumer fetch', color: '#0891b2' },
  consumerFetchResponse: { label: 'Consumer records', color: '#0e7490' },
  metadata: { label: 'Metadata request', color: '#ca8a04' },
  metadataResponse: { label: 'Metadata response', color: '#a16207' },
  heartbeat: { label: 'Heartbeat', color: '#94a3b8' },
  heartbeatResponse: { label: 'Heartbeat response', color: '#94a3b8' },
  alterPartition: { label: 'AlterPartition (ISR change)', color: '#ea580c' },
  alterPartitionResponse: { label: 'AlterPartition response', color: '#c2410c' },
  metadataUpdate: { label: 'Metadata update (leader change)', color: '#dc2626' },
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
