// Scenario files (docs/scenario-format.md): validation and normalisation into a `Scenario`.
// The file's shape is one valibot schema (shape.ts); references and Kafka's own rules are checked
// by hand afterwards, on the parts whose shape is right (setup.ts, steps.ts). Never throws: any
// input gives either a scenario or every error of the file, each naming the field.
import * as v from 'valibot';
import { newContext } from './context';
import { Issues, at, isObject, show } from '../schema-kit/issues';
import { locateJsonError } from '../schema-kit/json-syntax';
import { pathOf, say } from '../schema-kit/read';
import { checkSetup } from './setup';
import { SCENARIO_FORMAT, SCENARIO_SHAPE, type ScenarioFile } from './shape';
import { checkSteps } from './steps';
import type { Scenario } from './types';

export { SCENARIO_FORMAT };

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export function parseScenario(json: unknown): ParseOutcome {
  try {
    return validateScenario(json);
  } catch (e) {
    // A bug in a validator must not take down the app or the CLI; report it like a bad field.
    return { ok: false, errors: [`internal error while validating: ${String(e)}`] };
  }
}

/** Parses the text of a scenario file; JSON syntax errors are reported with line and column. */
export function parseScenarioText(text: string): ParseOutcome {
  if (typeof text !== 'string') return { ok: false, errors: ['expected the text of a JSON file'] };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    const where = locateJsonError(source);
    const message = where
      ? `invalid JSON at line ${where.line}, column ${where.column}: ${where.message}`
      : `invalid JSON: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, errors: [message] };
  }
  return parseScenario(json);
}

function validateScenario(json: unknown): ParseOutcome {
  const expected = `expected a scenario object { "format": "${SCENARIO_FORMAT}", ... }`;
  if (!isObject(json)) return { ok: false, errors: [`${expected}, got ${kind(json)}`] };
  // Checking the rest against v1 rules would only add noise for a file of another format.
  if (json.format !== SCENARIO_FORMAT || !Object.hasOwn(json, 'format'))
    return {
      ok: false,
      errors: [
        json.format === undefined
          ? `format: missing: expected "${SCENARIO_FORMAT}"`
          : `format: expected "${SCENARIO_FORMAT}", got ${show(json.format)}`,
      ],
    };

  const issues = new Issues();
  const read = v.safeParse(SCENARIO_SHAPE, json);
  // the paths with an error, and every path above them: only the rest is checked further
  const bad = new Set<string>();
  for (const issue of read.issues ?? []) {
    issues.add(pathOf(issue), say(issue));
    let p = '';
    for (const item of issue.path ?? []) bad.add((p = at(p, item.key as string | number)));
  }
  const file = read.output as Partial<ScenarioFile>;
  const ok = (path: string) => !bad.has(path);
  const ctx = newContext(issues);
  const setup = checkSetup(ctx, file, ok);
  const steps = Array.isArray(file.steps) ? checkSteps(ctx, file.steps, ok) : [];

  if (issues.errors.length > 0) return { ok: false, errors: issues.errors };
  const { title, description, seed = 1 } = file as ScenarioFile;
  const scenario: Scenario = { title, setup: { seed, ...setup }, steps };
  if (description !== undefined) scenario.description = description;
  return { ok: true, scenario };
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}
