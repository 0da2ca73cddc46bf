// Short labels that fit a replica chip: "p3" with one topic, "or3" (topic initials) with several.
export function chipLabel(partition: string, multiTopic: boolean): string {
  const at = partition.lastIndexOf('-');
  const index = partition.slice(at + 1);
  if (!multiTopic) return `p${index}`;
  return `${partition.slice(0, Math.min(2, at))}${index}`;
}
