import { openLesson } from '../../store/lessons';
import { LESSON_MENU } from './lesson-titles';

/** The Lessons menu: each lesson starts on a fresh run; focus leaves the menu so the clicker keys work. */
export function LessonPicker() {
  return (
    <select
      aria-label="Lessons"
      value=""
      onChange={(e) => {
        const id = e.target.value;
        e.target.blur();
        if (id) void openLesson(id);
      }}
    >
      <option value="">Lessons…</option>
      {LESSON_MENU.map((l) => (
        <option key={l.id} value={l.id}>
          {l.title}
        </option>
      ))}
    </select>
  );
}
