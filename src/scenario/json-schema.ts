// docs/scenario.schema.json, generated from the valibot shape of a scenario file (shape.ts) by
// `npm run gen:schema`; schema.test.ts fails when the committed file is stale. Only the script
// and the test import this (the converter is a dev dependency, never in the app's bundles).
import { toJsonSchema } from '@valibot/to-json-schema';
import { DISTINCT, JSON_EXTRAS, SCENARIO_SHAPE } from './shape';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(SCENARIO_SHAPE, {
    target: 'draft-2020-12',
    errorMode: 'throw',
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const extra = JSON_EXTRAS.get(valibotSchema);
      return extra ? { ...jsonSchema, ...extra } : undefined;
    },
    overrideAction: ({ valibotAction, jsonSchema }) => {
      if (valibotAction.type === 'finite') return jsonSchema;
      if (
        valibotAction.type === 'check' &&
        (valibotAction as { message?: unknown }).message === DISTINCT
      )
        return { ...jsonSchema, uniqueItems: true };
      return undefined;
    },
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Kafka replication scenario (format v1)',
    description: 'See docs/scenario-format.md. Generated from src/scenario/shape.ts.',
    ...schema,
  };
}
