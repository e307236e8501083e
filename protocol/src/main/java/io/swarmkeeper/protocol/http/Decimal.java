package io.swarmkeeper.protocol.http;

/** Non-negative decimal longs read from bytes without building a String (Agrona's parseLongAscii idea). */
final class Decimal {
    /** Returned for empty input, a non-digit, or a value above {@link Long#MAX_VALUE}. */
    static final long INVALID = -1;

    private Decimal() {}

    static long parse(byte[] bytes, int from, int to) {
        if (from >= to) {
            return INVALID;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return INVALID;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
