// The event stream: each event appended with its time, position and sequence number. The engine
// emits through core.ts's emit, which also lets the checker observe the event; the checker itself
// appends here, so its own reports are not observed again.
import type { EventName, SimEvent } from './events';
import type { SimState } from './state';

/** How many recent events the state keeps (memory stays bounded in long runs). */
export const EVENT_RETENTION = 2_000;

export type EventFields = Omit<SimEvent, 't' | 'seq' | 'd' | 'type' | 'text'>;

/**
 * Appends an event to the stream and returns its sequence number. Frequent events pass no text
 * (null): their sentence is derived from their fields on demand (narrate.ts), which keeps the
 * hot path free of string building.
 */
export function appendEvent(
  s: SimState,
  type: EventName,
  text: string | null,
  fields: EventFields = {},
): number {
  const seq = s.eventCount++;
  const e: SimEvent = { t: s.now, seq, d: s.dispatched, type, ...fields };
  if (text !== null) e.text = text;
  s.events.push(e);
  if (s.events.length > EVENT_RETENTION * 2) s.events.splice(0, s.events.length - EVENT_RETENTION);
  return seq;
}
