// Writes docs/scenario.schema.json from the valibot shape of a scenario file (npm run gen:schema).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenario/json-schema';

writeFileSync('docs/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote docs/scenario.schema.json');
