package io.swarmkeeper.protocol.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte searches and comparisons over a region of the array a request was read into, so matching
 * names never builds a String. The parsers read a plain array rather than a Netty buffer, whose
 * every access checks the buffer's state: parsing an announce took ~2.0 µs at 8k requests/s, on
 * caches gone cold between requests, and ~1.25 µs from the array (docs/benchmarks.md, "Where a
 * keep-alive request's time goes").
 */
final class HeadBytes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private HeadBytes() {}

    /**
     * The first index of {@code b} in {@code a[from, to)}, or -1. Eight bytes a step: a request
     * line is mostly a long query that the parsers search for its end, its pairs and their keys.
     */
    static int indexOf(byte[] a, int from, int to, byte b) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONG.get(a, i) ^ pattern;
            // The lowest flagged byte is the first zero byte; flags above it may be false.
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a} holds {@code expected} at {@code at}. */
    static boolean equals(byte[] a, int at, byte[] expected) {
        return Arrays.equals(a, at, at + expected.length, expected, 0, expected.length);
    }

    /** Case-insensitive for ASCII letters; {@code lowerExpected} must be lower case. */
    static boolean equalsIgnoreCase(byte[] a, int from, int to, byte[] lowerExpected) {
        if (to - from != lowerExpected.length) {
            return false;
        }
        for (int i = 0; i < lowerExpected.length; i++) {
            byte b = a[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerExpected[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
