// The KRaft controller quorum (R23), modelled at the level the replication story needs:
// a Raft leader is the active controller while it can reach a majority of the voters; when it
// crashes or is cut off, the others notice after controller.quorum.fetch.timeout.ms without a
// successful fetch and elect a new leader (one vote round trip). The committed metadata is the
// quorum's, so a new active controller starts from the same state.
import { emit, isCut, schedule } from '../core/core';
import { scheduleSessionCheck } from './session-timer';
import { nextInt } from '../core/rng';
import { controllerAddr, type SimState } from '../core/state';

function voters(s: SimState): number[] {
  return s.setup.controllers;
}

/** Voters reachable from `id` (itself included), counting only running controllers. */
function reachableVoters(s: SimState, id: number): number {
  return voters(s).filter(
    (v) => s.controllers[v]!.up && (v === id || !isCut(s, controllerAddr(id), controllerAddr(v))),
  ).length;
}

/** The active controller can commit metadata only while it reaches a majority of voters (Raft). */
export function canCommit(s: SimState): boolean {
  return s.quorum.active !== null && hasMajority(s, s.quorum.active);
}

function hasMajority(s: SimState, id: number): boolean {
  return s.controllers[id]!.up && reachableVoters(s, id) * 2 > voters(s).length;
}

/** Called after anything that may affect the quorum (controller crash/restart, network change). */
export function checkQuorum(s: SimState, retry = false): void {
  const active = s.quorum.active;
  if (active !== null && hasMajority(s, active)) {
    scheduleSessionCheck(s); // fencing resumes if it had paused
    return;
  }
  if (s.quorum.electionPending) return;
  s.quorum.electionPending = true;
  const fetchTimeout = s.clusterConfig['controller.quorum.fetch.timeout.ms'];
  const electionTimeout = s.clusterConfig['controller.quorum.election.timeout.ms'];
  // Voters notice a lost leader after the fetch timeout; a failed election is retried after the
  // election timeout.
  const wait = retry ? electionTimeout : fetchTimeout;
  schedule(s, s.now + wait + 2 * s.setup.network.latencyMs, {
    kind: 'controllerElection',
    epoch: s.quorum.epoch,
  });
}

/** A voter that can reach a majority wins (R23); on activation every broker gets a fresh session. */
export function onControllerElection(s: SimState, epoch: number): void {
  if (epoch !== s.quorum.epoch) return;
  s.quorum.electionPending = false;
  const active = s.quorum.active;
  if (active !== null && hasMajority(s, active)) return;
  const candidates = voters(s).filter((v) => hasMajority(s, v));
  if (candidates.length === 0) {
    if (active !== null) {
      emit(
        s,
        'controllerElected',
        `Controller ${active} lost its quorum: no active controller (no majority of ${voters(s).length} voters reachable). ISR changes, fencing and elections wait.`,
        { controller: active, rule: 'R23', data: { active: null } },
      );
    }
    s.quorum.active = null;
    checkQuorum(s, true);
    return;
  }
  const winner = candidates[nextInt(s, candidates.length)]!;
  s.quorum.active = winner;
  s.quorum.epoch++;
  for (const reg of Object.values(s.controller.brokers)) reg.lastContact = s.now;
  s.controller.sessionCheckAt = 0;
  emit(
    s,
    'controllerElected',
    `Controller ${winner} was elected active controller (quorum epoch ${s.quorum.epoch}); every registered broker gets a fresh ${s.clusterConfig['broker.session.timeout.ms']} ms session.`,
    { controller: winner, rule: 'R23', data: { active: winner, epoch: s.quorum.epoch } },
  );
  scheduleSessionCheck(s);
}

export function killController(s: SimState, id: number): void {
  const c = s.controllers[id]!;
  if (!c.up) return;
  c.up = false;
  c.incarnation++;
  emit(
    s,
    'controllerKilled',
    `Controller ${id} crashed${s.quorum.active === id ? ' (it was the active controller)' : ''}.`,
    { controller: id, rule: 'R23' },
  );
  if (s.quorum.active === id) s.quorum.active = null; // a crashed node leads nothing (R23)
  checkQuorum(s);
}

export function restartController(s: SimState, id: number): void {
  const c = s.controllers[id]!;
  if (c.up) return;
  c.up = true;
  c.incarnation++;
  emit(s, 'controllerRestarted', `Controller ${id} restarted and rejoined the quorum as a voter.`, {
    controller: id,
    rule: 'R23',
  });
  checkQuorum(s);
}
