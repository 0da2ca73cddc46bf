import { readFileSync } from 'node:fs';
import { parseScenario } from './src/scenario/validate';
const text = readFileSync('src/scenario/fixtures/spec-example.json','utf8');
const cut = 1350674230 % text.length;
const damaged = text.slice(0, cut) + ' ' + text.slice(cut);
console.log(damaged.slice(cut-30, cut+30));
const orig = (globalThis as any).Error;
try { const j = JSON.parse(damaged); console.log(parseScenario(j)); } catch(e) { console.log(e); }
