import { describe, expect, it } from 'vitest';
import { ERROR_COLOR, LEGEND_KINDS, MESSAGE_STYLES } from './colors';

describe('message colours', () => {
  it('keep red for errors: no message kind is drawn in the error colour', () => {
    for (const kind of LEGEND_KINDS) expect(MESSAGE_STYLES[kind].color).not.toBe(ERROR_COLOR);
    expect(MESSAGE_STYLES.metadataUpdate.color).not.toBe(ERROR_COLOR);
  });
  it('give every kind in the legend its own colour', () => {
    const colors = LEGEND_KINDS.map((k) => MESSAGE_STYLES[k].color);
    expect(new Set(colors).size).toBe(colors.length);
  });
});
