// `partitionNetwork` and `heal` steps: two endpoints (brokers, controllers, the quorum, clients)
// between which traffic is cut or restored.
import { checkEndpoint, type Context, type StepBody } from './context';
import { at, own, show, type Json } from './issues';
import type { Endpoint } from './types';

type NetworkStep = StepBody<'partitionNetwork' | 'heal'>;

export function validateNetworkCut(
  ctx: Context,
  action: 'partitionNetwork' | 'heal',
  raw: Json,
  path: string,
): NetworkStep | undefined {
  const rawA = own(raw, 'a');
  const rawB = own(raw, 'b');
  if (action === 'heal' && rawA === undefined && rawB === undefined) return { do: 'heal' };
  if (rawA === undefined || rawB === undefined) {
    const missing = rawA === undefined ? 'a' : 'b';
    const what =
      action === 'heal' ? 'both ends a and b, or neither (heal everything)' : 'both ends a and b';
    ctx.issues.add(at(path, missing), `missing: expected ${what}`);
    return undefined;
  }
  const a = checkEndpoint(ctx, rawA, at(path, 'a'));
  const b = checkEndpoint(ctx, rawB, at(path, 'b'));
  if (a === undefined || b === undefined) return undefined;
  const problem = cutProblem(ctx, a, b);
  if (problem) {
    ctx.issues.add(path, problem);
    return undefined;
  }
  return { do: action, a, b };
}

/** Pairs that carry no traffic in Kafka, so cutting them is most likely a mistake. */
function cutProblem(ctx: Context, a: Endpoint, b: Endpoint): string | undefined {
  const kind = (e: Endpoint) =>
    e === 'controller' || ctx.controllers?.includes(e as number)
      ? 'controller'
      : typeof e === 'number'
        ? 'broker'
        : 'client';
  if (a === b) return `a and b are the same endpoint (${show(a)})`;
  const kinds = [kind(a), kind(b)];
  if (kinds[0] === 'controller' && kinds[1] === 'controller')
    return 'a and b are both the controller quorum or its members; cut a controller from a broker instead';
  if (kinds.includes('client') && kinds[0] !== 'broker' && kinds[1] !== 'broker')
    return 'clients only talk to brokers; one end must be a broker';
  return undefined;
}
