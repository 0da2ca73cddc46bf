import { describe, expect, it } from 'vitest';
import { burstSummary, latestBurst } from './burst';
import type { EventView } from '../../protocol/view';

let seq = 0;
const ev = (t: number, type: string, fields: Partial<EventView> = {}): EventView => ({
  seq: seq++,
  t,
  type,
  rule: null,
  text: `${type} text.`,
  broker: null,
  partition: null,
  client: null,
  ...fields,
});

describe('burst subtitles', () => {
  it('a fencing with its elections and ISR shrinks is one line', () => {
    const events = [
      ev(900, 'recordAcked'),
      ev(1000, 'brokerFenced', { broker: 2 }),
      ev(1000, 'leaderChanged', { broker: 0, partition: 'replicated_topic-0' }),
      ev(1000, 'leaderChanged', { broker: 4, partition: 'replicated_topic-6' }),
      ...[0, 2, 4, 6, 9].map((p) => ev(1000, 'isrShrunk', { partition: `replicated_topic-${p}` })),
    ];
    const burst = latestBurst(events);
    expect(burst).toHaveLength(8);
    expect(burstSummary(burst)).toBe(
      'Controller fenced broker 2 → new leaders: p0 → 0, p6 → 4; ISRs shrink for p0, p2, p4, p6, p9',
    );
  });

  it('a single event is told as it is', () => {
    expect(burstSummary(latestBurst([ev(5, 'brokerKilled', { text: 'Broker 3 crashed.' })]))).toBe(
      'Broker 3 crashed.',
    );
    expect(burstSummary([])).toBeNull();
  });
});
