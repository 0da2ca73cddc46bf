// The `cluster` section: broker ids, racks, the KRaft quorum, broker configs and the network.
import { BROKER_CONFIG, defaultsOf, type BrokerConfig } from '../engine';
import {
  DEFAULT_FEATURES,
  defaultControllers,
  type BrokerSetup,
  type Features,
  type NetworkSetup,
} from '../engine';
import type { Context } from './context';
import { FEATURES, NETWORK } from './shape';
import { readObject } from './read';
import { MAX_NODE_ID } from './vocabulary';
import { at, checkKnownFields, isInt, isObject, listIds, own, parseIndexKey } from './issues';
import { brokerConfigProblems, parseConfigFields } from './validate-config';

/** An in-browser simulator, not a data centre: larger clusters are refused rather than frozen on. */
export const MAX_BROKERS = 1000;

export interface ClusterSetup {
  brokers: BrokerSetup[];
  controllers: number[];
  brokerConfig: BrokerConfig;
  network: NetworkSetup;
  features: Features;
}

const CLUSTER_FIELDS = ['brokers', 'racks', 'config', 'controllers', 'network', 'features'];

export function validateCluster(ctx: Context, raw: unknown): ClusterSetup {
  const { issues } = ctx;
  const defaults = defaultsOf(BROKER_CONFIG);
  if (!isObject(raw)) {
    issues.expected('cluster', 'an object with at least "brokers"', raw);
    return {
      brokers: [],
      controllers: [],
      brokerConfig: defaults,
      network: DEFAULT_NETWORK,
      features: DEFAULT_FEATURES,
    };
  }
  checkKnownFields(issues, raw, CLUSTER_FIELDS, 'cluster');

  const ids = parseBrokerIds(ctx, own(raw, 'brokers'));
  ctx.brokers = ids;
  const racks = parseRacks(ctx, own(raw, 'racks'));
  const brokers = (ids ?? []).map((id) => {
    const rack = racks.get(id);
    return rack === undefined ? { id } : { id, rack };
  });

  const controllers = parseControllers(ctx, own(raw, 'controllers'), ids ?? []);
  ctx.controllers = controllers;

  const { config } = parseConfigFields(
    issues,
    BROKER_CONFIG,
    own(raw, 'config'),
    'cluster.config',
    defaults,
  );
  for (const problem of brokerConfigProblems(config)) issues.add('cluster.config', problem);
  for (const id of ids ?? []) ctx.brokerConfigs.set(id, config);

  const network = readObject(
    issues,
    NETWORK,
    own(raw, 'network'),
    'cluster.network',
    'an object { "latencyMs", "jitterMs" }',
    DEFAULT_NETWORK,
  );
  const features = readObject(
    issues,
    FEATURES,
    own(raw, 'features'),
    'cluster.features',
    'an object { "eligible.leader.replicas.version": 0 or 1 }',
    DEFAULT_FEATURES,
  );
  return { brokers, controllers: controllers ?? [], brokerConfig: config, network, features };
}

/** A count n (brokers 1..n) or a list of distinct ids; null when invalid. */
function parseBrokerIds(ctx: Context, raw: unknown): number[] | null {
  const path = 'cluster.brokers';
  if (typeof raw === 'number') {
    if (isInt(raw, 1) && raw <= MAX_BROKERS) return Array.from({ length: raw }, (_, i) => i + 1);
    ctx.issues.expected(path, `a broker count from 1 to ${MAX_BROKERS}`, raw);
    return null;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_BROKERS) {
    const what = `a broker count (e.g. 3 = brokers 1, 2, 3) or a list of 1 to ${MAX_BROKERS} distinct broker ids`;
    ctx.issues.expected(path, what, raw);
    return null;
  }
  const ids = parseIdList(ctx, raw, path, 'a broker id (an integer from 0 to 2147483647)');
  return ids;
}

/** A list of distinct node ids; null when any entry is bad (errors name the entry). */
function parseIdList(ctx: Context, raw: unknown[], path: string, what: string): number[] | null {
  const seen = new Set<number>();
  let ok = true;
  raw.forEach((id, i) => {
    if (!isInt(id) || id > MAX_NODE_ID) {
      ctx.issues.expected(at(path, i), what, id);
      ok = false;
    } else if (seen.has(id)) {
      ctx.issues.add(at(path, i), `duplicate id ${id}`);
      ok = false;
    } else seen.add(id);
  });
  return ok ? [...seen] : null;
}

function parseRacks(ctx: Context, raw: unknown): Map<number, string> {
  const racks = new Map<number, string>();
  if (raw === undefined) return racks;
  if (!isObject(raw)) {
    ctx.issues.expected('cluster.racks', 'an object of broker id to rack name', raw);
    return racks;
  }
  for (const [key, rack] of Object.entries(raw)) {
    const path = at('cluster.racks', key);
    const id = parseIndexKey(key);
    if (ctx.brokers !== null && (id === undefined || !ctx.brokers.includes(id))) {
      ctx.issues.add(path, `not a broker of cluster.brokers (${listIds(ctx.brokers)})`);
    } else if (typeof rack !== 'string' || rack === '') {
      ctx.issues.expected(path, 'a rack name (a non-empty string)', rack);
    } else if (id !== undefined) racks.set(id, rack);
  }
  return racks;
}

function parseControllers(ctx: Context, raw: unknown, brokers: number[]): number[] | null {
  const path = 'cluster.controllers';
  if (raw === undefined) return defaultControllers(brokers);
  if (!Array.isArray(raw) || raw.length === 0) {
    ctx.issues.expected(path, 'a non-empty list of distinct controller ids', raw);
    return null;
  }
  const ids = parseIdList(ctx, raw, path, 'a controller id (an integer from 0 to 2147483647)');
  if (ids === null) return null;
  const clashes = ids.filter((id) => brokers.includes(id));
  if (clashes.length > 0) {
    // Combined broker+controller nodes are not modelled: every node has one role.
    ctx.issues.add(
      path,
      `ids ${clashes.join(', ')} are also broker ids; controllers need ids of their own`,
    );
    return null;
  }
  return ids;
}

const DEFAULT_NETWORK: NetworkSetup = { latencyMs: 1, jitterMs: 0 };
