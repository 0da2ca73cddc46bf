// The engine command an action step performs (expectations and waits have none).
import type { Command } from '../engine/index';
import type { Step } from './types';

export function stepCommand(step: Step): Command | null {
  switch (step.do) {
    case 'produce':
      return {
        type: 'produce',
        client: step.client,
        partition: step.partition,
        topic: step.topic,
        key: step.key,
        records: step.records,
      };
    case 'consume':
      return { type: 'consume', client: step.client, partition: step.partition, from: step.from };
    case 'poll':
      return { type: 'poll', client: step.client, partition: step.partition };
    case 'kill':
    case 'stop':
    case 'restart':
    case 'pauseFetch':
    case 'resumeFetch':
      return { type: step.do, broker: step.broker };
    case 'fetch':
      return { type: 'fetch', broker: step.broker, deliverResponse: step.deliverResponse };
    case 'partitionNetwork':
      return { type: 'partitionNetwork', a: step.a, b: step.b };
    case 'heal':
      return { type: 'heal', a: step.a, b: step.b };
    case 'killController':
    case 'restartController':
      return { type: step.do, controller: step.controller };
    case 'electPreferred':
      return { type: 'electPreferred', partition: step.partition };
    case 'setConfig':
      return { type: 'setConfig', scope: step.scope, id: step.id, config: step.config };
    case 'refreshMetadata':
      return { type: 'refreshMetadata', client: step.client };
    case 'produceStream':
      return { type: 'produceStream', client: step.client, rate: step.rate };
    case 'subscribe':
      return { type: 'subscribe', client: step.client, on: step.on };
    case 'advance':
    case 'settle':
    case 'expect':
    case 'expectEvent':
      return null;
  }
}
