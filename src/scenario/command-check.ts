// Checks an engine command that came from outside (a share link, an imported run): every field
// of the right type, or an error naming the field. Never throws.
import type { Command } from '../engine/index';

type Check = (v: unknown) => boolean;
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const int: Check = (v) => Number.isInteger(v);
// No length limits of its own: the scenario format has none beyond topic names (1 to 249
// characters, checked where a topic is named); a link or file is capped as a whole (2 MB).
const str: Check = (v) => typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
const endpoint: Check = (v) => int(v) || str(v);
const strList: Check = (v) => Array.isArray(v) && v.every(str);
const obj: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

const FIELDS: Record<Command['type'], Record<string, [Check, boolean, string]>> = {
  produce: {
    client: [str, true, 'a client id'],
    partition: [str, false, 'a partition name'],
    topic: [(v) => str(v) && /^[a-zA-Z0-9._-]{1,249}$/.test(v as string), false, 'a topic name'],
    key: [str, false, 'a key'],
    records: [strList, true, 'a list of record values'],
  },
  consume: {
    client: [str, true, 'a client id'],
    partition: [str, true, 'a partition name'],
    from: [int, true, 'an offset'],
  },
  poll: { client: [str, true, 'a client id'], partition: [str, true, 'a partition name'] },
  kill: { broker: [int, true, 'a broker id'] },
  stop: { broker: [int, true, 'a broker id'] },
  restart: { broker: [int, true, 'a broker id'] },
  pauseFetch: { broker: [int, true, 'a broker id'] },
  resumeFetch: { broker: [int, true, 'a broker id'] },
  fetch: { broker: [int, true, 'a broker id'], deliverResponse: [bool, false, 'true or false'] },
  partitionNetwork: { a: [endpoint, true, 'an endpoint'], b: [endpoint, true, 'an endpoint'] },
  heal: { a: [endpoint, false, 'an endpoint'], b: [endpoint, false, 'an endpoint'] },
  killController: { controller: [int, false, 'a controller id'] },
  restartController: { controller: [int, false, 'a controller id'] },
  electPreferred: { partition: [str, false, 'a partition name'] },
  setConfig: {
    scope: [
      (v) => v === 'broker' || v === 'topic' || v === 'client',
      true,
      '"broker", "topic" or "client"',
    ],
    id: [endpoint, false, 'an id'],
    config: [obj, true, 'an object of configs'],
  },
  refreshMetadata: { client: [str, true, 'a client id'] },
  produceStream: {
    client: [str, true, 'a client id'],
    rate: [
      (v) => num(v) && (v as number) >= 0 && (v as number) <= 1000,
      true,
      'a rate from 0 to 1000',
    ],
  },
  subscribe: { client: [str, true, 'a client id'], on: [bool, true, 'true or false'] },
};

export function checkCommand(
  raw: unknown,
  where: string,
): { ok: true; command: Command } | { ok: false; error: string } {
  if (!obj(raw)) return { ok: false, error: `${where}: expected a command object` };
  const r = raw as Record<string, unknown>;
  const type = r.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type))
    return { ok: false, error: `${where}.type: expected one of ${Object.keys(FIELDS).join(', ')}` };
  const fields = FIELDS[type as Command['type']];
  for (const key of Object.keys(r)) {
    if (key !== 'type' && !Object.hasOwn(fields, key))
      return { ok: false, error: `${where}.${key}: not a field of ${type}` };
  }
  for (const [key, [check, required, expected]] of Object.entries(fields)) {
    const v = r[key];
    if (v === undefined) {
      if (required) return { ok: false, error: `${where}.${key}: expected ${expected}` };
    } else if (!check(v)) return { ok: false, error: `${where}.${key}: expected ${expected}` };
  }
  return { ok: true, command: raw as Command };
}
