import { describe, expect, it } from 'vitest';
import { chipLabel, messageLabel, recordLabel } from './labels';

describe('labels', () => {
  it('keep partition names and record names apart', () => {
    expect(chipLabel('replicated_topic-3', false)).toBe('p3');
    expect(recordLabel('producer-12')).toBe('P-12');
    expect(recordLabel('r1')).toBe('r1');
    expect(recordLabel('a-much-longer-value')).toBe('a-mu…');
  });
  it('shorten the record in a message label and keep the offset', () => {
    expect(messageLabel('producer-5 @0 +2')).toBe('P-5 @0 +2');
    expect(messageLabel('r1 @3')).toBe('r1 @3');
    expect(messageLabel('NOT_ENOUGH_REPLICAS')).toBe('NOT_ENOUGH_REPLICAS');
  });
});
