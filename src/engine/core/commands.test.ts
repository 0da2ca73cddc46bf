// Commands refuse what cannot be applied, with a message naming the field, and change nothing.
import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands';
import { cluster } from '../test-support/cluster';

describe('setConfig', () => {
  it('refuses an empty config instead of reporting a change', () => {
    const c = cluster();
    const result = applyCommand(c.s, { type: 'setConfig', scope: 'topic', id: 't', config: {} });
    expect(result).toEqual({
      ok: false,
      error: 'config: expected at least one config to change, got {}',
    });
    expect(c.events('configChanged')).toEqual([]);
  });

  it('applies a topic retention change and says so', () => {
    const c = cluster();
    const config = { 'retention.ms': 60_000 };
    expect(applyCommand(c.s, { type: 'setConfig', scope: 'topic', id: 't', config })).toEqual({
      ok: true,
    });
    expect(c.s.controller.topicConfigs['t']!['retention.ms']).toBe(60_000);
    expect(c.events('configChanged')[0]!.text).toBe(
      'Config of topic t changed: retention.ms=60000.',
    );
  });
});
