// The lessons' titles as their files write them. Only the `title` field of each file is imported
// (JSON named export), so the menu does not pull the lessons themselves into the page's bundle.
import { LESSON_ORDER } from '../../store/lessons';

const titles = import.meta.glob<string>('../../data/lessons/*.json', {
  eager: true,
  import: 'title',
});

/** The title in the file of this lesson (its id where there is no file). */
export function fileTitle(id: string): string {
  return titles[`../../data/lessons/${id}.json`] ?? id;
}

/** The lessons in teaching order, numbered, with their files' titles: the Lessons menu. */
export const LESSON_MENU: { id: string; title: string }[] = LESSON_ORDER.map((id, i) => ({
  id,
  title: `${i + 1}. ${fileTitle(id)}`,
}));

/** The menu entry after (or before) a lesson, if any. */
export function menuEntryAfter(id: string, by: 1 | -1): { id: string; title: string } | null {
  const i = LESSON_MENU.findIndex((l) => l.id === id);
  return i < 0 ? null : (LESSON_MENU[i + by] ?? null);
}
