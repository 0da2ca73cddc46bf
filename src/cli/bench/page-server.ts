// Starts `vite preview` of dist/ on a free port for the page benchmark, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PreviewServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Ports the Fetch standard blocks near the ones tried here (fetch and Chromium refuse them). */
const BLOCKED_PORTS = new Set([4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697]);

async function freePort(from: number): Promise<number> {
  for (let p = from; p < from + 50; p++)
    if (!BLOCKED_PORTS.has(p) && (await portIsFree(p))) return p;
  throw new Error(`no free port in ${from}..${from + 49}`);
}

function viteBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      // not listening yet
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      last = `${e instanceof Error ? e.message : String(e)}${cause}`;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms (${last})`);
}

export async function startPreview(
  cwd: string,
  outDir: string,
  firstPort = 4174,
): Promise<PreviewServer> {
  const port = await freePort(firstPort);
  // Its own process group (detached), so stop() ends vite and nothing else.
  const child = spawn(
    process.execPath,
    [
      viteBin(),
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(url, child, 20_000);
  } catch (e) {
    await stop();
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${output}`, { cause: e });
  }
  return { url, port, stop };
}
