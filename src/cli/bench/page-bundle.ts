// Bundle sizes of the production build, gzip (as vite build reports them: zlib's default level).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  initial: BundleFile[];
  initialGzipBytes: number;
  worker: BundleFile[];
  workerGzipBytes: number;
}

function sizeOf(dist: string, file: string): BundleFile {
  const data = readFileSync(join(dist, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data).length };
}

/** The JS and CSS that dist/index.html loads (scripts, stylesheets, modulepreloads), and the worker. */
export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
    const ref = m[1]!.replace(/^\.?\//, '');
    if (/^https?:/.test(ref)) continue;
    if (/\.(m?js|css)(\?.*)?$/.test(ref)) refs.add(ref.replace(/\?.*$/, ''));
  }
  const initial = [...refs].map((f) => sizeOf(dist, f));
  const worker = readdirSync(join(dist, 'assets'))
    .filter((f) => /^worker-.*\.js$/.test(f))
    .map((f) => sizeOf(dist, `assets/${f}`));
  const sum = (xs: BundleFile[]) => xs.reduce((n, x) => n + x.gzipBytes, 0);
  return { initial, initialGzipBytes: sum(initial), worker, workerGzipBytes: sum(worker) };
}
