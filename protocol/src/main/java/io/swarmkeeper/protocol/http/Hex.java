package io.swarmkeeper.protocol.http;

/** Hexadecimal digits, as percent-encoding and IPv6 text use them. */
final class Hex {
    private Hex() {}

    /** The value of one hex digit of either case, or -1 if {@code c} is none. */
    static int digit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
