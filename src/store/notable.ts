// Frequent events (every append, fetch, HW move, ack, read, and each broker taking up a
// leadership the controller already announced) versus the notable ones a class watches for
// (failures, elections, ISR changes, losses).
export const FREQUENT_EVENTS: ReadonlySet<string> = new Set([
  'recordAppended',
  'recordReplicated',
  'highWatermarkAdvanced',
  'recordAcked',
  'recordConsumed',
  'metadataRefreshed',
  'recordSent',
  'becameLeader',
]);

export function isNotable(type: string): boolean {
  return !FREQUENT_EVENTS.has(type);
}
