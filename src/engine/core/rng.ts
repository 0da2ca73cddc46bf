// Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the simulation state,
// so a snapshot of the state also captures the random stream.

export function seedRng(seed: number): number {
  // Spread small seeds so seeds 1, 2, 3 give unrelated streams.
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
}

export interface HasRng {
  rng: number;
}

/** Next uniform float in [0, 1). */
export function nextFloat(s: HasRng): number {
  s.rng = (s.rng + 0x6d2b79f5) >>> 0;
  let t = s.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(s: HasRng, n: number): number {
  return Math.floor(nextFloat(s) * n);
}
