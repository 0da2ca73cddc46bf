// Scenario and lesson files are data in src/data/ (the numbered test scenarios are not shipped), bundled into the app at build time so that it
// makes no network request after load and works offline.
const scenarios = import.meta.glob('../data/scenarios/[a-z]*.json', {
  eager: true,
  import: 'default',
});
const lessons = import.meta.glob('../data/lessons/*.json', { eager: true, import: 'default' });

function byName(files: Record<string, unknown>, name: string): unknown {
  return files[Object.keys(files).find((path) => path.endsWith(`/${name}.json`)) ?? ''];
}

export function bundledScenario(name: string): unknown {
  return byName(scenarios, name);
}

export function bundledLesson(id: string): unknown {
  return byName(lessons, id);
}

export function bundledScenarioNames(): string[] {
  return Object.keys(scenarios)
    .map((path) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length))
    .sort();
}
