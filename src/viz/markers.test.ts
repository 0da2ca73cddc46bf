import { describe, expect, it } from 'vitest';
import { groupMarkers, headline, markerStyle } from './markers';

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

  it('draw a record lost as a tall marker', () => {
    expect(markerStyle('recordLost').tall).toBe(true);
  });

  it('name a shared flag after its most telling marker', () => {
    const group = [{ type: 'brokerFenced' }, { type: 'leaderChanged' }, { type: 'recordLost' }];
    expect(headline(group).type).toBe('recordLost');
    expect(headline([{ type: 'isrShrunk' }, { type: 'brokerKilled' }]).type).toBe('brokerKilled');
  });
});
