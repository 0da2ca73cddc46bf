// Every lesson plays to its end headlessly: each step's actions apply and the event it waits for
// happens (within a bound), in the order the narration tells.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLesson, type LessonStep } from '../scenario/lesson';
import { SimRunner } from './runner';

const files = readdirSync('src/data/lessons').filter((f) => f.endsWith('.json'));

function playStep(r: SimRunner, step: LessonStep): { t: number; type: string } | null {
  for (const c of step.do) {
    const res = r.command(c);
    if (!res.ok) throw new Error(`command ${JSON.stringify(c)}: ${res.error}`);
  }
  if (!step.waitFor) {
    r.advance(step.play);
    return null;
  }
  const w = step.waitFor;
  const from = r.state.eventCount;
  for (let waited = 0; waited < 120_000; waited += 10) {
    r.advance(10);
    const hit = r.state.events.find(
      (e) =>
        e.seq >= from &&
        e.type === w.event &&
        (w.partition === undefined || e.partition === w.partition) &&
        (w.broker === undefined || e.broker === w.broker) &&
        (w.client === undefined || e.client === w.client),
    );
    if (hit) return { t: hit.t, type: hit.type };
  }
  throw new Error(`no ${w.event} within 120 s of simulated time`);
}

describe('lessons', () => {
  it('there are the eight lessons of the lecture', () => {
    expect(files).toHaveLength(8);
  });

  for (const file of files) {
    it(`${file} is valid and plays to its end`, () => {
      const parsed = parseLesson(JSON.parse(readFileSync(`src/data/lessons/${file}`, 'utf8')));
      if (!parsed.ok) throw new Error(parsed.error);
      const lesson = parsed.value;
      expect(`${lesson.id}.json`).toBe(file);
      const scenario =
        typeof lesson.scenario === 'string'
          ? JSON.parse(readFileSync(`src/data/scenarios/${lesson.scenario}.json`, 'utf8'))
          : lesson.scenario;
      const created = SimRunner.create(scenario, lesson.timings);
      if (!created.ok) throw new Error(created.errors.join('; '));
      const r = created.runner;
      for (const step of [...lesson.steps, lesson.question.reveal]) playStep(r, step);
      expect(r.state.checker.violations).toEqual([]);
    });
  }

  it('lesson 4 ends with the acknowledged record lost; lesson 3 with nothing lost', () => {
    const run = (id: string) => {
      const lesson = parseLesson(JSON.parse(readFileSync(`src/data/lessons/${id}.json`, 'utf8')));
      if (!lesson.ok) throw new Error(lesson.error);
      const scenario = JSON.parse(
        readFileSync(`src/data/scenarios/${lesson.value.scenario as string}.json`, 'utf8'),
      );
      const r = (SimRunner.create(scenario, 'demo') as { ok: true; runner: SimRunner }).runner;
      for (const step of [...lesson.value.steps, lesson.value.question.reveal]) playStep(r, step);
      return r.state.checker.losses.map((l) => l.value);
    };
    expect(run('acks1-loses-data')).toEqual(['only-on-1']);
    expect(run('leader-dies')).toEqual([]);
  });

  it('a broken lesson file is answered with the field at fault', () => {
    expect(
      parseLesson({
        format: 'kafka-replication-lesson/1',
        id: 'x',
        title: 'x',
        scenario: 'lecture',
        steps: [{ text: 'hi', waitFor: { event: 'nope' } }],
        question: { ask: '?', reveal: { text: 'r' } },
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^steps\[0\]\.waitFor\.event/) });
    expect(
      parseLesson({
        format: 'kafka-replication-lesson/1',
        id: 'x',
        title: 'x',
        scenario: 'lecture',
        steps: [{ text: 'hi', do: [{ type: 'kill', broker: 'two' }] }],
        question: { ask: '?', reveal: { text: 'r' } },
      }),
    ).toMatchObject({ ok: false, error: 'steps[0].do[0].broker: expected a broker id' });
  });
});
