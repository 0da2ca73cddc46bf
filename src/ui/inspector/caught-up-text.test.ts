import { describe, expect, it } from 'vitest';
import { caughtUpText } from './caught-up-text';

describe('the inspector says why a caught-up replica is out of the ISR', () => {
  it("KIP-841: a fenced broker that has the leader's LEO is out because it is fenced", () => {
    expect(caughtUpText('fenced', false)).toMatch(/fenced: not eligible .*KIP-841/);
  });
  it('R18: an unfenced one waits for the leader to see it reach the HW', () => {
    expect(caughtUpText('up', false)).toMatch(/rejoins the ISR .*R18/);
    expect(caughtUpText('up', true)).toBe('caught up with the leader');
  });
});
