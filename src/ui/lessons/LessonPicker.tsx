import { openLesson } from '../../store/lessons';

/** The lessons of src/data/lessons, in teaching order. */
export const LESSONS = [
  { id: 'leaders-and-followers', title: '1. Leaders and followers' },
  { id: 'produce-path-acks-all', title: '2. The produce path with acks=all' },
  { id: 'leader-dies', title: '3. The leader dies' },
  { id: 'acks1-loses-data', title: '4. acks=1 loses acknowledged data' },
  { id: 'min-insync-replicas', title: '5. min.insync.replicas' },
  { id: 'slow-follower', title: '6. A slow follower' },
  { id: 'offline-vs-unclean', title: '7. Offline partition vs unclean election' },
  { id: 'truncation-on-return', title: '8. Truncation on return' },
];

export function LessonPicker() {
  return (
    <select
      aria-label="Lessons"
      value=""
      onChange={(e) => e.target.value && openLesson(e.target.value)}
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
