import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatTime } from './format';

describe('formatCount', () => {
  it('keeps small counts exact and shortens large ones to fit a client node', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999)).toBe('9999');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(1_151_999)).toBe('1.15M');
  });
});

describe('formatTime', () => {
  it('shows seconds with milliseconds, and hours once a run is that long', () => {
    expect(formatTime(0)).toBe('0.000 s');
    expect(formatTime(3_599_999)).toBe('3599.999 s');
    expect(formatTime(3_600_000)).toBe('1:00:00.000');
    expect(formatTime(28_800_467)).toBe('8:00:00.467');
    expect(formatTime(3_725_005)).toBe('1:02:05.005');
  });
});

describe('formatDuration', () => {
  it('names a config duration in its largest whole unit', () => {
    expect(formatDuration(604_800_000)).toBe('7 days');
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(600_000)).toBe('10 min');
    expect(formatDuration(90_000)).toBe('90 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
  });
});
