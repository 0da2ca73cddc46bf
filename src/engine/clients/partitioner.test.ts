import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive, utf8Bytes } from './partitioner';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

// Vectors from apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java
// (testMurmur2). Keys there are "...".getBytes() / a byte array, all ASCII.
const KAFKA_VECTORS: [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

describe('murmur2', () => {
  it.each(KAFKA_VECTORS)('matches Kafka UtilsTest.testMurmur2 for %j', (key, hash) => {
    expect(murmur2(ascii(key))).toBe(hash);
  });

  it('returns a signed 32-bit int', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const h = murmur2(bytes);
        expect(Number.isInteger(h)).toBe(true);
        expect(h).toBe(h | 0);
      }),
    );
  });
});

describe('toPositive', () => {
  it('clears the sign bit like Utils.toPositive', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0); // Integer.MIN_VALUE
    expect(toPositive(2147483647)).toBe(2147483647);
    expect(toPositive(0)).toBe(0);
    // -973932308 + 2^31 = 1173551340
    expect(toPositive(-973932308)).toBe(1173551340);
  });
});

describe('utf8Bytes', () => {
  it('encodes like String.getBytes(UTF_8)', () => {
    // The string from Kafka's UtilsTest.utf8ByteArraySerde; bytes per the UTF-8 spec.
    expect([...utf8Bytes('A\u00ea\u00f1\u00fcC')]).toEqual([
      0x41, 0xc3, 0xaa, 0xc3, 0xb1, 0xc3, 0xbc, 0x43,
    ]);
    expect([...utf8Bytes('\u20ac')]).toEqual([0xe2, 0x82, 0xac]); // 3 bytes
    expect([...utf8Bytes('\u{1F600}')]).toEqual([0xf0, 0x9f, 0x98, 0x80]); // surrogate pair
    expect([...utf8Bytes('')]).toEqual([]);
  });

  it('maps a lone surrogate to "?" as Java does (not U+FFFD)', () => {
    expect([...utf8Bytes('x\ud800y')]).toEqual([0x78, 0x3f, 0x79]);
    expect([...utf8Bytes('\udc00')]).toEqual([0x3f]);
    expect([...utf8Bytes('\ud83d')]).toEqual([0x3f]);
  });

  it('agrees with TextEncoder on well-formed strings', () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect([...utf8Bytes(s)]).toEqual([...enc.encode(s)]);
      }),
    );
  });
});

describe('partitionForKey', () => {
  it('derives partitions from the Kafka vectors', () => {
    // toPositive(h) = h + 2^31 for negative h:
    //   "21"     -973932308  -> 1173551340; % 7 = 3 (7 * 167650191 = 1173551337), % 10 = 0
    //   "foobar" -790332482  -> 1357151166; % 4 = 2 (..66), % 10 = 6
    //   "a-little-bit-longer-string" -1486304829 -> 661178819; % 4 = 3 (..19), % 10 = 9
    //   "abc"    479470107 (positive, unchanged); % 10 = 7, % 3 = 0 (digit sum 39)
    expect(partitionForKey('21', 7)).toBe(3);
    expect(partitionForKey('21', 10)).toBe(0);
    expect(partitionForKey('foobar', 4)).toBe(2);
    expect(partitionForKey('foobar', 10)).toBe(6);
    expect(partitionForKey('a-little-bit-longer-string', 4)).toBe(3);
    expect(partitionForKey('a-little-bit-longer-string', 10)).toBe(9);
    expect(partitionForKey('abc', 10)).toBe(7);
    expect(partitionForKey('abc', 3)).toBe(0);
    expect(partitionForKey('anything', 1)).toBe(0);
  });

  it('hashes non-ASCII keys over their UTF-8 bytes', () => {
    // Cross-checked on JDK 17 with String.getBytes(UTF_8) and a line-by-line transcription of
    // Utils.murmur2 (not Kafka's own jar): "A\u00ea\u00f1\u00fcC" -> -1922317521,
    // "\u65e5\u672c\u8a9e" -> 1431860170, "\u{1F600}" -> 131881617.
    expect(murmur2(utf8Bytes('A\u00ea\u00f1\u00fcC'))).toBe(-1922317521);
    expect(murmur2(utf8Bytes('\u65e5\u672c\u8a9e'))).toBe(1431860170);
    expect(murmur2(utf8Bytes('\u{1F600}'))).toBe(131881617);
    // -1922317521 + 2^31 = 225166127; % 6 = 5, % 10 = 7
    expect(partitionForKey('A\u00ea\u00f1\u00fcC', 6)).toBe(5);
    expect(partitionForKey('A\u00ea\u00f1\u00fcC', 10)).toBe(7);
    // 1431860170 % 10 = 0; 131881617 % 10 = 7
    expect(partitionForKey('\u65e5\u672c\u8a9e', 10)).toBe(0);
    expect(partitionForKey('\u{1F600}', 10)).toBe(7);
  });

  it('always lands in [0, numPartitions) and is deterministic', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10_000 }), (key, n) => {
        const p = partitionForKey(key, n);
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(n);
        expect(partitionForKey(key, n)).toBe(p);
      }),
    );
  });
});
