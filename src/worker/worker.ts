// The Web Worker entry: a thin adapter between postMessage and the runner.
import type { FromWorker, ToWorker } from '../protocol/messages';
import { serveRunner, type Port } from './port';

const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

serveRunner(scope as Port, {
  now: () => performance.now(),
  every: (ms, f) => {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
});
