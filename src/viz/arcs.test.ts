import { describe, expect, it } from 'vitest';
import { countdownPath, ringPath } from './arcs';

describe('countdown arcs', () => {
  it('draws nothing when the time is up and a whole ring when none has gone', () => {
    expect(countdownPath(10, 0)).not.toMatch(/A/); // an empty arc has no arc segment
    expect(countdownPath(10, 1)).toBe(ringPath(10));
    expect(ringPath(10)).toMatch(/A10,10/);
  });
  it('a quarter left ends at 3 o clock', () => {
    // clockwise from 12 o'clock: a quarter ends at (r, 0)
    expect(countdownPath(10, 0.25)).toMatch(/A10,10,0,0,1,10,0/);
  });
});
