// --trace: the protocol events and messages of a run, in simulated time order.
import { eventText, type SimState } from '../engine/index';

export function formatTrace(s: SimState): string {
  const lines: { t: number; order: number; text: string }[] = [];
  let order = 0;
  for (const m of s.messageLog ?? []) {
    lines.push({
      t: m.t,
      order: order++,
      text: `${m.what.padEnd(7)} #${m.id} ${m.kind} ${m.from} -> ${m.to}`,
    });
  }
  for (const e of s.events)
    lines.push({
      t: e.t,
      order: order++,
      text: `event   ${e.type}${e.rule ? ` (${e.rule})` : ''}: ${eventText(e)}`,
    });
  lines.sort((a, b) => a.t - b.t || a.order - b.order);
  return lines.map((l) => `t=${String(l.t).padStart(7)}  ${l.text}`).join('\n');
}
