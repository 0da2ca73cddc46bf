// The `clients` section: producers and consumers by id, with their Kafka client configs.
import { CONSUMER_CONFIG, PRODUCER_CONFIG, defaultsOf } from '../engine';
import type { ClientSetup } from '../engine';
import type { Context } from './context';
import { at, checkKnownFields, isObject, own } from './issues';
import { applyProducerRules, parseConfigFields } from './validate-config';

export function validateClients(ctx: Context, raw: unknown): ClientSetup[] {
  const { issues } = ctx;
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    issues.expected('clients', 'an object of client id to { "type", "config" }', raw);
    return [];
  }
  const clients: ClientSetup[] = [];
  for (const [id, entry] of Object.entries(raw)) {
    const path = at('clients', id);
    // Endpoints of partitionNetwork are broker ids, numeric strings, "controller" or client ids.
    if (id === '' || /^[0-9]+$/.test(id) || id === 'controller') {
      issues.add(path, `a client id must be a name that is neither a number nor "controller"`);
      continue;
    }
    const client = validateClient(ctx, id, entry, path);
    if (client) clients.push(client);
  }
  return clients;
}

function validateClient(
  ctx: Context,
  id: string,
  raw: unknown,
  path: string,
): ClientSetup | undefined {
  const { issues } = ctx;
  if (!isObject(raw)) {
    issues.expected(path, '{ "type": "producer" | "consumer", "config": {...} }', raw);
    ctx.clients.set(id, null);
    return undefined;
  }
  checkKnownFields(issues, raw, ['type', 'config'], path);
  const type = own(raw, 'type');
  const configPath = at(path, 'config');
  if (type === 'producer') {
    ctx.clients.set(id, 'producer');
    const defaults = defaultsOf(PRODUCER_CONFIG);
    const parsed = parseConfigFields(
      issues,
      PRODUCER_CONFIG,
      own(raw, 'config'),
      configPath,
      defaults,
    );
    const explicit = new Set(Object.keys(parsed.given));
    const { config, problems } = applyProducerRules(parsed.config, explicit);
    for (const p of problems) issues.add(at(configPath, p.name), p.message);
    ctx.producerConfigs.set(id, { config, given: parsed.given });
    return { id, type, config };
  }
  if (type === 'consumer') {
    ctx.clients.set(id, 'consumer');
    const defaults = defaultsOf(CONSUMER_CONFIG);
    const { config } = parseConfigFields(
      issues,
      CONSUMER_CONFIG,
      own(raw, 'config'),
      configPath,
      defaults,
    );
    return { id, type, config };
  }
  issues.expected(at(path, 'type'), '"producer" or "consumer"', type);
  ctx.clients.set(id, null);
  return undefined;
}
