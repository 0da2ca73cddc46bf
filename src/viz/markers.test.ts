import { describe, expect, it } from 'vitest';
import { groupMarkers, headline, markerStyle } from './markers';
import { markerShort } from '../protocol/marker-label';

describe('timeline markers', () => {
  it('share a flag when closer than the label width, so labels never overlap', () => {
    const x = (t: number) => t / 10;
    const groups = groupMarkers(
      [{ t: 0 }, { t: 300 }, { t: 2000 }, { t: 2100 }, { t: 9000 }],
      x,
      60,
    );
    expect(groups.map((g) => [g.x, g.markers.length])).toEqual([
      [0, 2],
      [200, 2],
      [900, 1],
    ]);
  });

  it('say what happened and to whom in a few characters', () => {
    expect(markerShort({ type: 'brokerKilled', broker: 2 })).toBe('✕ b2');
    expect(
      markerShort({ type: 'leaderChanged', partition: 'replicated_topic-0', data: { leader: 0 } }),
    ).toBe('p0 → 0');
    expect(markerShort({ type: 'leaderChanged', partition: 't-3', data: { leader: null } })).toBe(
      'p3 → none',
    );
    expect(markerShort({ type: 'recordLost', record: 'v1' })).toBe('⚠ v1');
    expect(markerStyle('recordLost').tall).toBe(true);
  });

  it('name a shared flag after its most telling marker', () => {
    const group = [{ type: 'brokerFenced' }, { type: 'leaderChanged' }, { type: 'recordLost' }];
    expect(headline(group).type).toBe('recordLost');
    expect(headline([{ type: 'isrShrunk' }, { type: 'brokerKilled' }]).type).toBe('brokerKilled');
  });
});
