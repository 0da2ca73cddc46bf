// Reading a value against its valibot shape, with the format's messages: each error names its
// path and what was expected ("missing: expected ..." or "expected ..., got ..."), and an unknown
// field is named with a near miss. Shapes say what a field is; these say it to the author.
import * as v from 'valibot';
import { at, checkKnownFields, isObject, own, type Issues } from './issues';

/**
 * Reads the fields of an object against `entries`: every error goes to `issues` with its path
 * ("missing: expected ..." or "expected ..., got ..."); unknown fields are named with a near
 * miss ("_" and "$" fields are free). Returns the values read (defaults filled) and whether all were.
 */
export function readFields(
  issues: Pick<Issues, 'add' | 'expected'>,
  entries: v.ObjectEntries,
  raw: Record<string, unknown>,
  path: string,
  known: readonly string[],
  what: string,
): { ok: boolean; values: Record<string, unknown> } {
  let ok = checkKnownFields(issues, raw, known, path, what);
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(entries)) {
    const read = readValue(issues, schema, own(raw, key), at(path, key));
    if (!read.ok) ok = false;
    else if (read.value !== undefined) out[key] = read.value;
  }
  return { ok, values: out };
}

/** An optional object field read against its entries (defaults filled), or `fallback`. */
export function readObject<T>(
  issues: Pick<Issues, 'add' | 'expected'>,
  entries: v.ObjectEntries,
  raw: unknown,
  path: string,
  what: string,
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (!isObject(raw)) {
    issues.expected(path, what, raw);
    return fallback;
  }
  const read = readFields(issues, entries, raw, path, Object.keys(entries), 'field');
  return read.ok ? (read.values as T) : fallback;
}

/** Reads one value against its shape; each error goes to `issues` with its path. */
export function readValue(
  issues: Pick<Issues, 'add' | 'expected'>,
  schema: v.GenericSchema,
  value: unknown,
  path: string,
): { ok: true; value: unknown } | { ok: false } {
  const read = v.safeParse(schema, value, { abortPipeEarly: true });
  if (read.success) return { ok: true, value: read.output };
  for (const issue of read.issues) {
    const where = (issue.path ?? []).reduce((p, item) => at(p, item.key as string | number), path);
    // unknown and missing fields say it all; any other issue is what was expected
    if (issue.type === 'raw_check' || issue.message.startsWith('missing: '))
      issues.add(where, issue.message);
    else issues.expected(where, issue.message, issue.input);
  }
  return { ok: false };
}

/**
 * readFields for a message from a program (a link, a lesson, the page): only the first error,
 * without the value. `known` null lets unknown fields through.
 */
export function readFirst(
  entries: v.ObjectEntries,
  raw: Record<string, unknown>,
  where: string,
  known: readonly string[] | null,
  what: string,
): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
  let error: string | undefined;
  const first = (path: string, message: string) => void (error ??= `${path}: ${message}`);
  const issues = {
    add: first,
    expected: (path: string, expected: string) => first(path, `expected ${expected}`),
  };
  const read = readFields(issues, entries, raw, where, known ?? Object.keys(raw), what);
  return read.ok ? { ok: true, values: read.values } : { ok: false, error: error! };
}
