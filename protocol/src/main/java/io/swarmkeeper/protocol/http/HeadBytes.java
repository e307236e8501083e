package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;

/** Byte comparisons over a buffer region, so matching names never builds a String. */
final class HeadBytes {
    private HeadBytes() {}

    static boolean equals(ByteBuf buf, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (buf.getByte(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive for ASCII letters; {@code lowerExpected} must be lower case. */
    static boolean equalsIgnoreCase(ByteBuf buf, int from, int to, byte[] lowerExpected) {
        if (to - from != lowerExpected.length) {
            return false;
        }
        for (int i = 0; i < lowerExpected.length; i++) {
            byte b = buf.getByte(from + i);
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
