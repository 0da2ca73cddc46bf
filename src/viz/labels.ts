// Short labels that fit a replica chip: "p3" with one topic, "or3" (topic initials) with several.
export function chipLabel(partition: string, multiTopic: boolean): string {
  const at = partition.lastIndexOf('-');
  const index = partition.slice(at + 1);
  if (!multiTopic) return `p${index}`;
  return `${partition.slice(0, Math.min(2, at))}${index}`;
}

/**
 * A record's value short enough for a lane cell or a message label: a stream's "producer-12"
 * becomes "P-12" (capital and dash: not the partition p12); short values stay as they are.
 */
export function recordLabel(value: string): string {
  if (value.length <= 5) return value;
  const m = /^(.+)-(\d+)$/.exec(value);
  if (m) return `${m[1]!.charAt(0).toUpperCase()}-${m[2]}`;
  return `${value.slice(0, 4)}…`;
}

/** A message label ("producer-5 @0 +2") with its record shortened ("P-5 @0 +2"). */
export function messageLabel(label: string): string {
  if (/^[A-Z_]+$/.test(label)) return label; // an error name
  const at = label.indexOf(' ');
  return at < 0 ? recordLabel(label) : recordLabel(label.slice(0, at)) + label.slice(at);
}
