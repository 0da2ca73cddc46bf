// Frequent events (every append, fetch, HW move, ack, read) versus the notable ones a class
// watches for (failures, elections, ISR changes, losses).
export const FREQUENT_EVENTS: ReadonlySet<string> = new Set([
  'recordAppended',
  'recordReplicated',
  'highWatermarkAdvanced',
  'recordAcked',
  'recordConsumed',
  'metadataRefreshed',
  'recordSent',
]);

export function isNotable(type: string): boolean {
  return !FREQUENT_EVENTS.has(type);
}
