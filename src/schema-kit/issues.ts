// Small helpers shared by the validators: an error collector, field paths and value checks.
// Every message has the shape "<path>: <what was expected>, got <value>".

export type Json = Record<string, unknown>;

/** Collects every error of a file, so an author sees them all at once. */
export class Issues {
  readonly errors: string[] = [];

  add(path: string, message: string): void {
    this.errors.push(path === '' ? message : `${path}: ${message}`);
  }

  /** "expected <what>, got <value>" (or "missing" when the value is absent). */
  expected(path: string, what: string, got: unknown): void {
    this.add(
      path,
      got === undefined ? `missing: expected ${what}` : `expected ${what}, got ${show(got)}`,
    );
  }
}

/** Shows a value in a message: JSON, shortened so a huge value cannot flood the output. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = '(a value that cannot be shown)';
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Appends a key to a path: `a.b` for plain keys, `a["odd key"]` otherwise. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const plain = /^[A-Za-z0-9_.$-]+$/.test(key);
  if (path === '') return plain ? key : JSON.stringify(key);
  return plain ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** " (did you mean x?)" for a near miss such as a wrong case or a dropped letter, else "". */
export function didYouMean(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 5)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best === undefined ? '' : `; did you mean ${best}?`;
}

/** Levenshtein distance, giving up (returning `limit`) for long inputs or once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 200 || b.length > 200) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    if (Math.min(...current) >= limit) return limit;
    previous = current;
  }
  return previous[b.length] ?? limit;
}

/** Lists ids for messages, shortening a contiguous run: "1, 2, 3" or "1..30". */
export function listIds(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '(none)';
  const contiguous = last - first === sorted.length - 1;
  if (contiguous && sorted.length > 5) return `${first}..${last}`;
  return sorted.join(', ');
}
