// Kafka's default partitioner for keyed records, as the Java client does it:
//   partition = toPositive(murmur2(StringSerializer(key))) % numPartitions
// Sources (apache/kafka): clients/src/main/java/org/apache/kafka/common/utils/Utils.java
// (murmur2, toPositive) and
// clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java
// (partitionForKey).
// All arithmetic is 32-bit: Math.imul for Java's int multiply, `| 0` / `>>>` for wrap-around.

/**
 * UTF-8 bytes of a JS string, as Java's `String.getBytes(StandardCharsets.UTF_8)` (which
 * Kafka's StringSerializer uses). A lone surrogate becomes '?' (0x3f): Java's replacement
 * byte, unlike TextEncoder's U+FFFD.
 */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        out.push(0x3f);
        continue;
      }
    }
    if (cp < 0x80) {
      out.push(cp);
    } else if (cp < 0x800) {
      out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    } else {
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
    }
  }
  return Uint8Array.from(out);
}

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** Kafka's `Utils.murmur2`: 32-bit MurmurHash2, seed 0x9747b28c, returned as a signed int. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    // Little-endian 4-byte block (Uint8Array values are already unsigned, like `& 0xff`).
    let k =
      (data[i4] ?? 0) |
      ((data[i4 + 1] ?? 0) << 8) |
      ((data[i4 + 2] ?? 0) << 16) |
      ((data[i4 + 3] ?? 0) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // The last 1-3 bytes; Java's switch falls through from case 3 to case 1.
  const tail = length & ~3;
  const rest = length % 4;
  if (rest >= 3) h ^= (data[tail + 2] ?? 0) << 16;
  if (rest >= 2) h ^= (data[tail + 1] ?? 0) << 8;
  if (rest >= 1) {
    h ^= data[tail] ?? 0;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not Math.abs, so MIN_VALUE maps to 0). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition the Java producer picks for a record with this (string) key. */
export function partitionForKey(key: string, numPartitions: number): number {
  return toPositive(murmur2(utf8Bytes(key))) % numPartitions;
}
