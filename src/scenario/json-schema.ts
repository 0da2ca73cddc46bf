// docs/scenario.schema.json, generated from the valibot shape of a scenario file (shape.ts) by
// `npm run gen:schema`; schema.test.ts fails when the committed file is stale. Only the script
// and the test import this (the converter is a dev dependency, never in the app's bundles).
import { toJsonSchema } from '@valibot/to-json-schema';
import { SCENARIO_SHAPE } from './shape';
import { DISTINCT, JSON_EXTRAS } from './vocabulary';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(SCENARIO_SHAPE, {
    target: 'draft-2020-12',
    errorMode: 'throw',
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const extra = JSON_EXTRAS.get(valibotSchema);
      return extra ? { ...jsonSchema, ...extra } : undefined;
    },
    overrideAction: ({ valibotAction, jsonSchema }) => {
      // checked by the validator, not expressible (the free-field rule is in JSON_EXTRAS)
      if (['finite', 'raw_check', 'transform'].includes(valibotAction.type)) return jsonSchema;
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
