// Stable chip slots: a broker lists its replicas in partition order, whatever their role, so a
// leadership change restyles a chip in place instead of moving it between rows.
import { chipPosition, type NodeBox, type StageLayout } from './layout';

export function brokerSlots(
  replicasOfBroker: Record<number, { leaders: string[]; followers: string[] }>,
  order: string[],
): Record<number, string[]> {
  const rank = new Map(order.map((name, i) => [name, i]));
  const out: Record<number, string[]> = {};
  for (const [id, r] of Object.entries(replicasOfBroker)) {
    out[Number(id)] = [...r.leaders, ...r.followers].sort(
      (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
    );
  }
  return out;
}

export function chipBoxes(
  layout: StageLayout,
  slots: Record<number, string[]>,
): Record<string, NodeBox> {
  const out: Record<string, NodeBox> = {};
  for (const [id, names] of Object.entries(slots)) {
    const card = layout.brokers[Number(id)];
    if (!card) continue;
    names.forEach((name, i) => {
      const { x, y } = chipPosition(card, layout, i);
      const { w, h } = layout.chip;
      out[`${name}@${id}`] = { x, y, w, h, cx: x + w / 2, cy: y + h / 2 };
    });
  }
  return out;
}
