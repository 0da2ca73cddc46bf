// The simulation worker's script, fetched once at start and kept as a Blob URL, so a worker
// started again after a failure needs no fetch (recovery works offline).
// The worker's URL (Vite builds it as its own bundle), not its code.
// eslint-disable-next-line no-restricted-imports
import workerUrl from '../worker/worker.ts?worker&url';

let keptScript: string | null = null;

export async function keepWorkerScript(): Promise<void> {
  if (import.meta.env.DEV) return; // dev modules import others by path: not from a blob
  try {
    const response = await fetch(workerUrl);
    if (!response.ok) return;
    const text = await response.text();
    keptScript = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  } catch {
    keptScript = null; // opened without a server: the URL itself is used
  }
}

export function newWorker(): Worker {
  return new Worker(keptScript ?? workerUrl, { type: 'module' });
}
