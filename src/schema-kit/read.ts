// Reading a value against its valibot shape, with the format's messages: each error names its
// path and what was expected ("expected <what>, got <value>" or "missing: expected <what>").
import * as v from 'valibot';
import { at, show, type Issues } from './issues';
import { SENTENCE } from './kit';

type Issue = v.BaseIssue<unknown>;

/** The path of an issue, from `base`. */
export function pathOf(issue: Issue, base = ''): string {
  return (issue.path ?? []).reduce((p, item) => at(p, item.key as string | number), base);
}

/** An issue in words, without its path. */
export function say(issue: Issue): string {
  if (SENTENCE.has(issue.type)) return issue.message;
  return issue.input === undefined
    ? `missing: expected ${issue.message}`
    : `expected ${issue.message}, got ${show(issue.input)}`;
}

/** Reads one value against its shape; each error goes to `issues` with its path. */
export function readValue<S extends v.GenericSchema>(
  issues: Issues,
  schema: S,
  value: unknown,
  path: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false } {
  const read = v.safeParse(schema, value);
  if (read.success) return { ok: true, value: read.output };
  for (const issue of read.issues) issues.add(pathOf(issue, path), say(issue));
  return { ok: false };
}

/** For a message from a program (a link, a lesson, the page): the first error only. */
export function readFirst<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
  where: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
  const read = v.safeParse(schema, raw, { abortEarly: true });
  if (read.success) return { ok: true, value: read.output };
  const issue = read.issues[0];
  const message = SENTENCE.has(issue.type) ? issue.message : `expected ${issue.message}`;
  const path = pathOf(issue, where);
  return { ok: false, error: path ? `${path}: ${message}` : message };
}
