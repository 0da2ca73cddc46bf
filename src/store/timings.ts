// "Use Kafka's timings" (or demo timings): the run restarts under the other preset and the user's
// actions replay at their simulated times (they become steps of the scenario), back to the same
// moment. Kafka's timings put messages ~1 ms apart, invisible at 1x: the view slows to 1/50x.
import type { TimingsPreset } from '../protocol/messages';
import { recordedRun, session } from './session';
import { scenarioWithRun } from '../scenario/export';
import { advance, loadScenario, parseInWorker, setSpeed } from './actions';
import { setError, simStore } from './store';

/** The speed each preset opens at: 1 ms messages stay on screen ~20 ms at 1/50x. */
export const SPEED_FOR: Record<TimingsPreset, number> = { kafka: 0.02, demo: 1 };

export async function switchTimings(to: TimingsPreset): Promise<void> {
  const s = session();
  if (!s) return;
  const run = recordedRun(s);
  const actions = run.commands.filter((c) => !c.fromScript);
  const withActions = scenarioWithRun(s.scenario, actions);
  const replayable = actions.length === 0 || (await parseInWorker('scenario', withActions)).ok;
  if (!replayable)
    setError({
      message: `The run restarted with ${to === 'kafka' ? "Kafka's" : 'demo'} timings without your ${actions.length} action(s): they could not be written as scenario steps.`,
      fatal: false,
    });
  const playing = simStore.getState().view?.playing ?? false;
  loadScenario(replayable ? withActions : s.scenario, to, playing);
  setSpeed(SPEED_FOR[to]);
  // back to the moment the user was at, the actions replayed on the way
  if (run.at > 0) advance(run.at);
}
