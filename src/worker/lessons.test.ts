// Every lesson plays to its end headlessly, the way the app plays it: each step's actions apply,
// the runner waits for the step's event (playUntil, as the worker does) and stops there, and what
// the narration states (the step's `expect`, in the scenario facts vocabulary) is true then.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLesson, type Lesson, type LessonStep } from '../scenario/lesson';
import { parseScenario } from '../scenario/validate';
import type { Facts } from '../scenario/types';
import { compareFacts, formatMismatch } from '../scenario-run/compare';
import { dumpState } from '../engine';
import { SimRunner } from './runner';
import type { Command } from '../engine/index';

const files = readdirSync('src/data/lessons').filter((f) => f.endsWith('.json'));

function load(id: string): { lesson: Lesson; scenario: unknown } {
  const parsed = parseLesson(JSON.parse(readFileSync(`src/data/lessons/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  const lesson = parsed.value;
  const scenario =
    typeof lesson.scenario === 'string'
      ? JSON.parse(readFileSync(`src/data/scenarios/${lesson.scenario}.json`, 'utf8'))
      : lesson.scenario;
  return { lesson, scenario };
}

/** A command as a scenario step ({ type, ...fields } -> { do: type, ...fields }). */
function exportCommandStep(c: Command): Record<string, unknown> {
  const { type, ...fields } = c;
  return { do: type, ...fields };
}

const stepsOf = (l: Lesson): LessonStep[] => [...l.steps, l.question.reveal];

/**
 * Each step's `expect`, validated as the scenario format validates facts: the lesson's actions
 * become steps of the scenario, each followed by its expectation (unknown facts or references fail).
 */
function expectations(lesson: Lesson, scenario: unknown): (Facts | null)[] {
  const base = scenario as { steps?: unknown[] };
  const steps: unknown[] = [...(base.steps ?? [])];
  const at: number[] = [];
  for (const step of stepsOf(lesson)) {
    for (const c of step.do) steps.push(exportCommandStep(c));
    if (step.expect) {
      at.push(steps.length);
      steps.push({ do: 'expect', ...step.expect });
    } else at.push(-1);
  }
  const parsed = parseScenario({ ...base, steps });
  if (!parsed.ok) throw new Error(`${lesson.id}: ${parsed.errors.join('; ')}`);
  return at.map((i) => {
    if (i < 0) return null;
    const s = parsed.scenario.steps[i];
    if (s?.do !== 'expect') throw new Error(`${lesson.id}: step ${i} is not the expectation`);
    return s.facts;
  });
}

/** Plays a lesson as the app does; returns, per step, the simulated time its wait ended. */
function play(id: string, check = true): { runner: SimRunner; ends: number[] } {
  const { lesson, scenario } = load(id);
  const facts = expectations(lesson, scenario);
  const created = SimRunner.create(scenario, lesson.timings);
  if (!created.ok) throw new Error(created.errors.join('; '));
  const r = created.runner;
  const ends: number[] = [];
  stepsOf(lesson).forEach((step, i) => {
    if (step.walk) r.walk(step.walk);
    for (const c of step.do) {
      const res = r.command(c);
      if (!res.ok) throw new Error(`step ${i}: command ${JSON.stringify(c)}: ${res.error}`);
    }
    const until = step.waitFor ?? (step.play > 0 ? { ms: step.play } : null);
    if (until) {
      r.playUntil(i + 1, until);
      r.skipUntil();
      if (r.reachedUntil !== i + 1)
        throw new Error(`step ${i}: the wait for ${JSON.stringify(until)} was not reached`);
      expect(r.playing).toBe(false);
      // it stopped at the awaited event, not later
      if ('event' in until)
        expect(
          [...r.state.events].reverse().find((e) => e.type === until.event)?.t,
          `step ${i}`,
        ).toBe(r.now);
      if ('walk' in until)
        expect(
          r.view().walk?.steps.some((s) => s.done && s.t === r.now),
          `step ${i}`,
        ).toBe(true);
    }
    ends.push(r.now);
    const f = facts[i];
    if (check && f) {
      const mismatches = compareFacts(f, dumpState(r.state));
      if (mismatches.length > 0)
        throw new Error(
          `${id} step ${i + 1} ("${step.text.slice(0, 60)}…") says what the run does not do: ${mismatches.map(formatMismatch).join('; ')}`,
        );
    }
  });
  return { runner: r, ends };
}

describe('lessons', () => {
  it('there are the eight lessons of the lecture', () => {
    expect(files).toHaveLength(8);
  });

  for (const file of files) {
    it(`${file} plays to its end and every step's expectation holds`, () => {
      const id = file.replace(/\.json$/, '');
      expect(load(id).lesson.id).toBe(id);
      const { runner } = play(id);
      expect(runner.state.checker.violations).toEqual([]);
    });
  }

  it('every step that acts or waits states what happens in an expectation', () => {
    for (const file of files) {
      const { lesson } = load(file.replace(/\.json$/, ''));
      for (const [i, step] of stepsOf(lesson).entries())
        if (step.do.length > 0 || step.waitFor)
          expect(step.expect, `${lesson.id} step ${i + 1}`).not.toBeNull();
    }
  });

  it('an expectation that the run contradicts fails the lesson', () => {
    const { lesson, scenario } = load('leader-dies');
    const facts = expectations(
      {
        ...lesson,
        steps: [
          { ...lesson.steps[0]!, expect: { partitions: { 'replicated_topic-0': { leader: 1 } } } },
        ],
      },
      scenario,
    )[0]!;
    const r = (SimRunner.create(scenario, 'demo') as { ok: true; runner: SimRunner }).runner;
    expect(compareFacts(facts, dumpState(r.state)).map(formatMismatch)).toEqual([
      'partitions.replicated_topic-0.leader: expected 1, got 2',
    ]);
  });

  it("the lecture's stream reaches every partition, partition 0 (leader 2, follower 0) included", () => {
    const scenario = JSON.parse(readFileSync('src/data/scenarios/lecture.json', 'utf8'));
    const r = (SimRunner.create(scenario, 'demo') as { ok: true; runner: SimRunner }).runner;
    r.advance(10_000);
    const hit = new Set(r.state.records.map((x) => x.partition));
    expect(hit.has('replicated_topic-0')).toBe(true);
    expect(hit.size).toBeGreaterThanOrEqual(8);
  });

  it('lesson 4 ends with the acknowledged record lost; lesson 3 with nothing lost', () => {
    const lost = (id: string) => play(id).runner.state.checker.losses.map((l) => l.value);
    expect(lost('acks1-loses-data')).toEqual(['only-on-1']);
    expect(lost('leader-dies')).toEqual([]);
  });

  it('lesson 2 stops at each hop of r1, in the order they happen', () => {
    const { ends } = play('produce-path-acks-all');
    // one stop per hop: send, append, fetch to 1, fetch to 0, report by 1, HW (report by 0), ack, read
    expect(ends.slice(0, 8)).toEqual([...ends.slice(0, 8)].sort((a, b) => a - b));
    expect(new Set(ends.slice(0, 8)).size).toBe(8);
  });

  it('a broken lesson file is answered with the field at fault', () => {
    const base = {
      format: 'kafka-replication-lesson/1',
      id: 'x',
      title: 'x',
      scenario: 'lecture',
      question: { ask: '?', reveal: { text: 'r' } },
    };
    expect(
      parseLesson({ ...base, steps: [{ text: 'hi', waitFor: { event: 'nope' } }] }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^steps\[0\]\.waitFor\.event/),
    });
    expect(
      parseLesson({ ...base, steps: [{ text: 'hi', do: [{ type: 'kill', broker: 'two' }] }] }),
    ).toMatchObject({ ok: false, error: 'steps[0].do[0].broker: expected a broker id' });
    expect(
      parseLesson({ ...base, steps: [{ text: 'hi', waitFor: { walk: 'fly' } }] }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^steps\[0\]\.waitFor\.walk: expected a hop/),
    });
    expect(
      parseLesson({ ...base, steps: [{ text: 'hi', waitFor: { walk: 'hw' } }] }),
    ).toMatchObject({
      ok: false,
      error:
        'steps[0].waitFor.walk: no record is walked yet (add "walk": "next" to this step or an earlier one)',
    });
    expect(
      parseLesson({ ...base, steps: [{ text: 'hi', waitfor: { event: 'x' } }] }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^steps\[0\]\.waitfor: unknown field; did you mean waitFor\?/),
    });
    expect(
      parseLesson({ ...base, steps: [{ text: 'hi', expect: { leaders: {} } }] }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^steps\[0\]\.expect\.leaders: unknown fact/),
    });
    expect(parseLesson({ ...base, steps: [{ text: 'hi', expect: [1] }] })).toMatchObject({
      ok: false,
      error: 'steps[0].expect: expected facts (the scenario expect vocabulary)',
    });
  });
});
