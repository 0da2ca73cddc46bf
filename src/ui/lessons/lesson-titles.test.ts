// The Lessons menu names each lesson as its file does (the titles were once typed by hand and
// drifted), numbered in teaching order, and lists every lesson file.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { LessonPicker } from './LessonPicker';

const dir = new URL('../../data/lessons/', import.meta.url);
const files = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const lesson = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as {
        id: string;
        title: string;
      };
      return [f.slice(0, -'.json'.length), lesson] as const;
    }),
);

describe('the Lessons menu', () => {
  const html = renderToStaticMarkup(createElement(LessonPicker));
  const options = [...html.matchAll(/<option value="([^"]+)">(.*?)<\/option>/g)].map((m) => ({
    id: m[1]!,
    label: m[2]!
      .replace(/&amp;/g, '&')
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"'),
  }));

  it('offers every lesson file once', () => {
    expect(options.map((o) => o.id).sort()).toEqual([...files.keys()].sort());
  });

  it('shows each lesson under its file’s title, numbered in teaching order', () => {
    options.forEach((o, i) => {
      const file = files.get(o.id)!;
      expect(file.id, `${o.id}.json names itself`).toBe(o.id);
      expect(o.label).toBe(`${i + 1}. ${file.title}`);
    });
  });
});
