import { LESSONS, openLesson } from '../../store/lessons';

export { LESSONS };

/** The Lessons menu: each lesson starts on a fresh run; focus leaves the menu so the clicker keys work. */
export function LessonPicker() {
  return (
    <select
      aria-label="Lessons"
      value=""
      onChange={(e) => {
        const id = e.target.value;
        e.target.blur();
        if (id) openLesson(id);
      }}
    >
      <option value="">Lessons…</option>
      {LESSONS.map((l) => (
        <option key={l.id} value={l.id}>
          {l.title}
        </option>
      ))}
    </select>
  );
}
