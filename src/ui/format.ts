/** Simulated time as seconds with milliseconds (12.345 s); from an hour on, 8:00:00.467. */
export function formatTime(ms: number): string {
  if (ms < 3_600_000) return `${(ms / 1000).toFixed(3)} s`;
  const h = Math.floor(ms / 3_600_000);
  const min = Math.floor((ms % 3_600_000) / 60_000);
  const sec = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `${h}:${String(min).padStart(2, '0')}:${sec}`;
}

/** A duration: 500 ms, 2 s, 30 s. */
export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** "broker:2" -> "broker 2"; "client:P" -> "P"; "controller:101" -> "controller 101". */
export function formatAddr(addr: string): string {
  if (addr.startsWith('client:')) return addr.slice(7);
  return addr.replace(':', ' ');
}

/** A count that fits a small node: 999, 12.3k, 1.15M. */
export function formatCount(n: number): string {
  if (n < 10_000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}

/** A config duration in its largest whole unit: 10 s, 1 min, 1 h, 7 days (else formatMs). */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'h'],
    [60_000, 'min'],
  ];
  for (const [size, unit] of units) {
    if (ms < size || ms % size !== 0) continue;
    const n = ms / size;
    return unit === 'day' ? `${n} day${n === 1 ? '' : 's'}` : `${n} ${unit}`;
  }
  return formatMs(ms);
}
