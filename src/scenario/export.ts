// Export a run as a scenario file: the original scenario with the user's actions appended as
// steps at their simulated times (expectations of the original are kept).
import type { Command } from '../engine/index';

function commandStep(c: Command): Record<string, unknown> {
  const { type, ...fields } = c;
  const step: Record<string, unknown> = { do: type };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) step[k] = v;
  return step;
}

export function scenarioWithRun(
  scenario: unknown,
  commands: { t: number; command: unknown; fromScript: boolean }[],
): unknown {
  const base = (typeof scenario === 'object' && scenario !== null ? scenario : {}) as Record<
    string,
    unknown
  >;
  const steps = Array.isArray(base.steps) ? [...(base.steps as unknown[])] : [];
  for (const c of commands) {
    if (c.fromScript) continue;
    steps.push({ at: c.t, ...commandStep(c.command as Command) });
  }
  return { ...base, steps };
}
