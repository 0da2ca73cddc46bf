// The page asks the worker to parse its inputs (the validator ships in the worker only): the
// answer is the value or the errors naming the field, with or without a run loaded.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { serveRunner, type Port } from './port';
import { connectSimClient, type WorkerPort } from '../client/sim-client';

function connect() {
  const { port1, port2 } = new MessageChannel();
  const asPort = (p: typeof port1) => {
    const wrapper = {
      postMessage: (m: unknown) => p.postMessage(m),
      onmessage: null as null | ((e: { data: never }) => void),
    };
    p.on('message', (data) => wrapper.onmessage?.({ data: data as never }));
    return wrapper;
  };
  const stop = serveRunner(asPort(port1) as unknown as Port, {
    now: () => 0,
    every: () => () => undefined,
  });
  const client = connectSimClient(asPort(port2) as unknown as WorkerPort, {
    onView: () => undefined,
    onError: () => undefined,
    frame: (f) => f(),
    now: () => 0,
  });
  return { client, close: () => (stop(), port1.close(), port2.close()) };
}

const scenarioText = readFileSync('src/data/scenarios/three-brokers.json', 'utf8');

describe('parsing in the worker', () => {
  it('answers before any run is loaded: a scenario file becomes its JSON', async () => {
    const { client, close } = connect();
    const parsed = await client.parse('scenarioText', `\uFEFF${scenarioText}`);
    expect(parsed).toEqual({ ok: true, value: JSON.parse(scenarioText) });
    close();
  });

  it('names the line and column of a JSON syntax error, and the field of a bad value', async () => {
    const { client, close } = connect();
    const syntax = await client.parse('scenarioText', '{\n  "format": ,\n}');
    expect(syntax.ok ? [] : syntax.errors).toEqual([
      expect.stringMatching(/^invalid JSON at line 2, column \d+/),
    ]);
    const bad = JSON.parse(scenarioText);
    bad.cluster.brokers = 0;
    const field = await client.parse('scenario', bad);
    expect(field.ok ? [] : field.errors.join('\n')).toMatch(/cluster\.brokers/);
    close();
  });

  it('parses a lesson file and a kafka-topics --describe paste', async () => {
    const { client, close } = connect();
    const raw = JSON.parse(readFileSync('src/data/lessons/leader-dies.json', 'utf8'));
    const lesson = await client.parse('lesson', raw);
    expect(lesson.ok && (lesson.value as { id: string }).id).toBe('leader-dies');
    const broken = await client.parse('lesson', { ...raw, steps: [] });
    expect(broken).toEqual({ ok: false, errors: ['steps: expected a non-empty list of steps'] });
    const described = await client.parse(
      'describe',
      'Topic: orders\tPartition: 0\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0',
    );
    expect(described.ok).toBe(true);
    const garbled = await client.parse('describe', 'nothing to read here');
    expect(garbled.ok).toBe(false);
    close();
  });

  it('a closed client answers what it was asked with an error instead of hanging', async () => {
    const { client, close } = connect();
    const asked = client.parse('scenario', {});
    client.close();
    expect(await asked).toEqual({ ok: false, errors: ['the simulation worker was restarted'] });
    close();
  });
});
