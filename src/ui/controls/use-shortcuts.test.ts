import { describe, expect, it } from 'vitest';
import { brokerForDigits } from './use-shortcuts';

describe('digits select a broker', () => {
  const among = (ids: number[]) => (id: number) => ids.includes(id);
  it('types ids above 9 digit by digit', () => {
    expect(brokerForDigits('1', among([1, 2, 12]))).toBe(1);
    expect(brokerForDigits('12', among([1, 2, 12]))).toBe(12);
  });
  it('falls back to the latest digits that name a broker', () => {
    expect(brokerForDigits('19', among([1, 9]))).toBe(9);
    expect(brokerForDigits('7', among([1, 2]))).toBeNull();
  });
});
