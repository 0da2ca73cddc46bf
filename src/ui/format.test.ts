import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
  it('keeps small counts exact and shortens large ones to fit a client node', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999)).toBe('9999');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(1_151_999)).toBe('1.15M');
  });
});
