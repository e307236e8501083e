package io.swarmkeeper.protocol.http;

/**
 * Walks the {@code key=value&...} pairs of a query string in an array and percent-decodes values
 * into a caller's array. Keys are compared raw: clients do not escape the ASCII key names.
 * A {@code +} stays a {@code +}: info-hashes are binary, and reading it as a space (the HTML form
 * convention) would change the hash of a client that leaves it unescaped.
 */
final class QueryCursor {
    /** {@link #decodeValue} result: a {@code %} not followed by two hex digits. */
    static final int BAD_ENCODING = -1;
    /** {@link #decodeValue} result: the decoded value does not fit the destination. */
    static final int TOO_LONG = -2;

    private byte[] a;
    private int pos;
    private int to;
    int keyFrom;
    int keyTo;
    int valueFrom;
    int valueTo;

    void reset(byte[] a, int from, int to) {
        this.a = a;
        this.pos = from;
        this.to = to;
    }

    /** Moves to the next non-empty pair; false at the end. A pair without {@code =} has an empty value. */
    boolean next() {
        while (pos < to) {
            int amp = HeadBytes.indexOf(a, pos, to, (byte) '&');
            int pairTo = amp < 0 ? to : amp;
            int pairFrom = pos;
            pos = pairTo + 1;
            if (pairTo == pairFrom) {
                continue;
            }
            int eq = HeadBytes.indexOf(a, pairFrom, pairTo, (byte) '=');
            keyFrom = pairFrom;
            keyTo = eq < 0 ? pairTo : eq;
            valueFrom = eq < 0 ? pairTo : eq + 1;
            valueTo = pairTo;
            return true;
        }
        return false;
    }

    /** Byte {@code i} of the key, which must be that long. */
    byte keyByte(int i) {
        return a[keyFrom + i];
    }

    boolean keyIs(byte[] name) {
        return keyTo - keyFrom == name.length && HeadBytes.equals(a, keyFrom, name);
    }

    /** Percent-decodes the value into {@code dst}; its length, {@link #BAD_ENCODING} or {@link #TOO_LONG}. */
    int decodeValue(byte[] dst) {
        int n = 0;
        int i = valueFrom;
        while (i < valueTo) {
            byte b = a[i];
            if (b == '%') {
                if (i + 2 >= valueTo) {
                    return BAD_ENCODING;
                }
                int hi = Hex.digit(a[i + 1]);
                int lo = Hex.digit(a[i + 2]);
                if (hi < 0 || lo < 0) {
                    return BAD_ENCODING;
                }
                b = (byte) (hi << 4 | lo);
                i += 3;
            } else {
                i++;
            }
            if (n == dst.length) {
                return TOO_LONG;
            }
            dst[n++] = b;
        }
        return n;
    }

}
