// Where a message is drawn: its progress is (now - sentAt) / (deliverAt - sentAt) of the way.
import type { MessageView, View } from '../protocol/view';

/** Simulated time now: the view's time, moved on by wall time x speed while playing. */
export function estimateSimTime(
  view: Pick<View, 'time' | 'playing' | 'speed'>,
  receivedAt: number,
  wallNow: number,
): number {
  if (!view.playing) return view.time;
  // never run more than 100 ms of wall time ahead of the latest view
  return view.time + Math.min(wallNow - receivedAt, 100) * view.speed;
}

export function messageProgress(m: Pick<MessageView, 'sentAt' | 'deliverAt'>, now: number): number {
  const span = m.deliverAt - m.sentAt;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (now - m.sentAt) / span));
}
