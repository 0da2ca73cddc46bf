// The page benchmark's scenarios (performance.md, "Scenarios the budgets refer to").
// classroom is the shipped lecture example with its stream raised after load; stress has no
// shipped file, so it is built here and written into dist/scenarios/ before the preview starts.

export interface PageScenario {
  name: 'classroom' | 'classroom-8h' | 'stress';
  /** the query string the app is opened with */
  query: string;
  /** test-hook commands sent right after the cluster is drawn */
  afterLoad: unknown[];
  /** simulated ms run at top speed after those commands, before the settle period */
  advanceMs?: number;
  /** test-hook commands sent at a given ms into the measurement window */
  during: { atMs: number; command: unknown }[];
  /** deviations from performance.md's spec, printed with the results */
  notes: string[];
}

export const STRESS_SCENARIO_NAME = 'stress';
export const STRESS_KILL_BROKER = 7;

export const CLASSROOM: PageScenario = {
  name: 'classroom',
  query: 'scenario=lecture',
  afterLoad: [{ type: 'produceStream', client: 'producer', rate: 40 }],
  during: [],
  notes: [
    'classroom: lecture.json has one producer; its stream is raised to 40 records/s (performance.md: 2 producers x 20/s)',
  ],
};

export const STRESS: PageScenario = {
  name: 'stress',
  query: `scenario=${STRESS_SCENARIO_NAME}`,
  afterLoad: [],
  during: [{ atMs: 2000, command: { type: 'kill', broker: STRESS_KILL_BROKER } }],
  notes: [
    `stress: src/data/scenarios/${STRESS_SCENARIO_NAME}.json (one producer at 500 records/s); broker ${STRESS_KILL_BROKER} killed 2 s into the window`,
  ],
};

/** The classroom after 8 simulated hours of its stream: does the app stay as smooth? */
export const CLASSROOM_8H: PageScenario = {
  ...CLASSROOM,
  name: 'classroom-8h',
  advanceMs: 8 * 3600_000,
  notes: [
    'classroom-8h: the classroom run first advanced 8 simulated hours (1.15 million records) through the test hook, then measured like classroom',
  ],
};
