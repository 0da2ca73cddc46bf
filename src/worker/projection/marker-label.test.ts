import { describe, expect, it } from 'vitest';
import { markerShort } from './marker-label';

describe('a timeline marker label', () => {
  it('says what happened and to whom in a few characters', () => {
    expect(markerShort({ type: 'brokerKilled', broker: 2 })).toBe('✕ b2');
    expect(
      markerShort({ type: 'leaderChanged', partition: 'replicated_topic-0', data: { leader: 0 } }),
    ).toBe('p0 → 0');
    expect(markerShort({ type: 'leaderChanged', partition: 't-3', data: { leader: null } })).toBe(
      'p3 → none',
    );
    expect(markerShort({ type: 'recordLost', record: 'v1' })).toBe('⚠ v1');
  });
});
