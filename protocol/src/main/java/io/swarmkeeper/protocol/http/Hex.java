package io.swarmkeeper.protocol.http;

/** Hexadecimal digits, as percent-encoding and IPv6 text use them. */
final class Hex {
    /**
     * Digit values by byte, -1 for a non-digit. A table rather than range tests: an info-hash's
     * forty percent-encoded digits are random, and each range test a branch mispredicted.
     */
    private static final byte[] DIGITS = new byte[256];

    static {
        java.util.Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < 10; i++) {
            DIGITS['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            DIGITS['a' + i] = (byte) (10 + i);
            DIGITS['A' + i] = (byte) (10 + i);
        }
    }

    private Hex() {}

    /** The value of one hex digit of either case, or -1 if {@code c} is none. */
    static int digit(byte c) {
        return DIGITS[c & 0xFF];
    }
}
