// Share links: scenario, timings and the recorded run (commands with their positions), deflated
// and base64url-encoded into the URL's hash. Opening one replays exactly the same run. Here the
// link is only packed and unpacked; the worker checks what it holds (worker/recorded-run.ts).
import type { RecordedRun, TimingsPreset } from '../protocol/messages';
/** A decoded link larger than this is refused (a tampered or absurd link must not hang the page). */
export const MAX_SHARE_BYTES = 2_000_000;

export interface SharedRun {
  v: number;
  scenario: unknown;
  timings: TimingsPreset;
  run: RecordedRun;
  /** a lesson and the step to open it at */
  lesson?: { id: string; step: number };
}

/** The link's JSON, unchecked, or why it could not be unpacked. */
export type Decoded = { ok: true; value: unknown } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(
      text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4),
    );
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function encodeShare(shared: SharedRun): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(shared));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw'), Infinity));
}

export async function decodeShare(text: string): Promise<Decoded> {
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length === 0)
    return { ok: false, error: 'the link is not valid base64url (was it cut or changed?)' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SHARE_BYTES),
    );
  } catch (e) {
    return {
      ok: false,
      error: `the link could not be unpacked (${e instanceof Error ? e.message : String(e)}): it may be truncated`,
    };
  }
  try {
    // its shape is read by the worker (worker/recorded-run.ts), where the validator lives
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, error: 'the link does not hold valid JSON' };
  }
}
