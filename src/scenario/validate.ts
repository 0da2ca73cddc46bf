// Scenario files (docs/scenario-format.md): validation and normalisation into a `Scenario`.
// Never throws: any input gives either a scenario or a list of errors naming the field.
import { newContext } from './context';
import { Issues, checkKnownFields, isInt, isObject, own } from './issues';
import { locateJsonError } from './json-syntax';
import type { Scenario } from './types';
import { validateClients } from './validate-clients';
import { validateCluster } from './validate-cluster';
import { validateSteps } from './validate-steps';
import { validateTopics } from './validate-topics';

export const SCENARIO_FORMAT = 'kafka-replication-scenario/1';
export const DEFAULT_SEED = 1;

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const TOP_FIELDS = [
  'format',
  'title',
  'description',
  'seed',
  'cluster',
  'topics',
  'clients',
  'steps',
];

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
  const issues = new Issues();
  if (!isObject(json)) {
    const expected = `expected a scenario object { "format": "${SCENARIO_FORMAT}", ... }`;
    return { ok: false, errors: [`${expected}, got ${describe(json)}`] };
  }
  const format = own(json, 'format');
  if (format !== SCENARIO_FORMAT) {
    // Checking the rest against v1 rules would only add noise for a file of another format.
    issues.expected('format', `"${SCENARIO_FORMAT}"`, format);
    return { ok: false, errors: issues.errors };
  }
  checkKnownFields(issues, json, TOP_FIELDS, '');

  const title = own(json, 'title');
  if (typeof title !== 'string' || title.trim() === '')
    issues.expected('title', 'a non-empty string', title);
  const description = own(json, 'description');
  if (description !== undefined && typeof description !== 'string')
    issues.expected('description', 'a string', description);
  const seed = own(json, 'seed') ?? DEFAULT_SEED;
  if (!isInt(seed, Number.MIN_SAFE_INTEGER)) issues.expected('seed', 'an integer', seed);

  const ctx = newContext(issues);
  const cluster = validateCluster(ctx, own(json, 'cluster'));
  const topics = validateTopics(ctx, own(json, 'topics'), cluster.brokerConfig);
  const clients = validateClients(ctx, own(json, 'clients'));
  const steps = validateSteps(ctx, own(json, 'steps'));

  if (issues.errors.length > 0) return { ok: false, errors: issues.errors };
  const scenario: Scenario = {
    title: title as string,
    setup: { seed: seed as number, ...cluster, topics, clients },
    steps,
  };
  if (description !== undefined) scenario.description = description as string;
  return { ok: true, scenario };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}
