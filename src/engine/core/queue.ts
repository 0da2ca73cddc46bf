// The simulation's agenda: a binary min-heap of timed items ordered by (at, seq).
// A plain array of plain objects, so it clones with the rest of the state.

export interface Scheduled<T> {
  at: number;
  seq: number;
  item: T;
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function heapPush<T>(heap: Scheduled<T>[], entry: Scheduled<T>): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

export function heapPop<T>(heap: Scheduled<T>[]): Scheduled<T> | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}

export function heapPeek<T>(heap: Scheduled<T>[]): Scheduled<T> | undefined {
  return heap[0];
}
