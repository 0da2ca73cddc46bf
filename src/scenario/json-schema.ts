// docs/scenario.schema.json, generated from the valibot shape of a scenario file (shape.ts) by
// `npm run gen:schema`; schema.test.ts fails when the committed file is stale. Only the script
// and the test import this (the converter is a dev dependency, never in the app's bundles).
import { toJsonSchema } from '@valibot/to-json-schema';
import { SCENARIO_SHAPE } from './shape';
import { JSON_EXTRAS } from '../schema-kit/kit';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(SCENARIO_SHAPE, {
    target: 'draft-2020-12',
    errorMode: 'throw',
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const extra = JSON_EXTRAS.get(valibotSchema);
      return extra ? { ...jsonSchema, ...extra } : undefined;
    },
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const extra = JSON_EXTRAS.get(valibotAction);
      if (extra) return { ...jsonSchema, ...extra };
      // checked by the validator only (rules between fields are in JSON_EXTRAS)
      const validatorOnly = ['check', 'raw_check', 'raw_transform', 'transform'];
      return validatorOnly.includes(valibotAction.type) ? jsonSchema : undefined;
    },
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Kafka replication scenario (format v1)',
    description: 'See docs/scenario-format.md. Generated from src/scenario/shape.ts.',
    ...schema,
  };
}
