package io.swarmkeeper.protocol.http;

import java.nio.charset.StandardCharsets;

/**
 * IP addresses as ASCII text, parsed and written without {@code InetAddress} or Strings: IPv4 as
 * an int, IPv6 as two big-endian longs, as {@code PeerSink} and {@code AnnounceRequest} carry them.
 */
public final class IpText {
    /** Returned by {@link #parseIpv4} for text that is not a dotted quad. */
    public static final long NOT_IPV4 = -1;

    /** Each octet's decimal text: an address is four look-ups, not digit arithmetic (JMH, dictionary peers). */
    private static final byte[][] OCTETS = new byte[256][];

    static {
        for (int i = 0; i < OCTETS.length; i++) {
            OCTETS[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private IpText() {}

    /** Parses {@code a.b.c.d} from {@code bytes[from, to)}; the address as an unsigned int, or {@link #NOT_IPV4}. */
    public static long parseIpv4(byte[] bytes, int from, int to) {
        long address = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4 && bytes[i] >= '0' && bytes[i] <= '9') {
                octet = octet * 10 + (bytes[i] - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && bytes[start] == '0')) {
                return NOT_IPV4;
            }
            address = address << 8 | octet;
            parts++;
            if (parts < 4) {
                if (i >= to || bytes[i] != '.') {
                    return NOT_IPV4;
                }
                i++;
            }
        }
        return i == to ? address : NOT_IPV4;
    }

    /**
     * Parses IPv6 text (with {@code ::} and an optional dotted-quad tail) from {@code bytes[from, to)}
     * into {@code out[0]} (high 64 bits) and {@code out[1]} (low 64 bits).
     *
     * @return whether the text was an IPv6 address; {@code out} is undefined if not
     */
    public static boolean parseIpv6(byte[] b, int from, int to, long[] out) {
        // Groups are shifted into a 128-bit register (out[0], out[1]) as they come; groups before
        // "::" are counted in head, after it in tail, and the head is moved up at the end.
        out[0] = 0;
        out[1] = 0;
        int head = 0;
        int tail = 0;
        boolean compressed = false;
        int i = from;
        if (to - from < 2) {
            return false;
        }
        if (b[i] == ':') {
            if (b[i + 1] != ':') {
                return false;
            }
            compressed = true;
            i += 2;
        }
        long headHigh = 0;
        long headLow = 0;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 5 && Hex.digit(b[i]) >= 0) {
                value = value << 4 | Hex.digit(b[i]);
                i++;
            }
            int digits = i - start;
            int groupsHere = 1;
            if (i < to && b[i] == '.') {
                // A dotted-quad tail fills the last two groups.
                long v4 = parseIpv4(b, start, to);
                if (v4 == NOT_IPV4) {
                    return false;
                }
                value = (int) v4;
                groupsHere = 2;
                i = to;
            } else if (digits == 0 || digits > 4) {
                return false;
            }
            int bits = 16 * groupsHere;
            long mask = groupsHere == 2 ? 0xFFFF_FFFFL : 0xFFFFL;
            if (compressed) {
                out[0] = out[0] << bits | out[1] >>> (64 - bits);
                out[1] = out[1] << bits | (value & mask);
                tail += groupsHere;
            } else {
                headHigh = headHigh << bits | headLow >>> (64 - bits);
                headLow = headLow << bits | (value & mask);
                head += groupsHere;
            }
            if (head + tail > 8) {
                return false;
            }
            if (i == to) {
                break;
            }
            if (b[i] != ':') {
                return false;
            }
            i++;
            if (i < to && b[i] == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            } else if (i == to) {
                return false;
            }
        }
        if (compressed ? head + tail > 7 : head != 8) {
            return false;
        }
        int shift = 16 * (8 - head);
        if (shift >= 128) {
            return true;
        }
        if (shift >= 64) {
            out[0] |= headLow << (shift - 64);
        } else if (shift > 0) {
            out[0] |= headHigh << shift | headLow >>> (64 - shift);
            out[1] |= headLow << shift;
        } else {
            out[0] = headHigh;
            out[1] = headLow;
        }
        return true;
    }


    /** Bytes {@link #putIpv4} puts for {@code address}. */
    public static int ipv4Length(int address) {
        return 3 + OCTETS[address >>> 24].length + OCTETS[address >>> 16 & 0xFF].length
                + OCTETS[address >>> 8 & 0xFF].length + OCTETS[address & 0xFF].length;
    }

    /** Puts the dotted form of {@code address} into {@code to} at {@code at}; the offset after it. */
    public static int putIpv4(byte[] to, int at, int address) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            for (byte digit : OCTETS[address >>> shift & 0xFF]) {
                to[at++] = digit;
            }
            if (shift > 0) {
                to[at++] = '.';
            }
        }
        return at;
    }

    /** Bytes {@link #putIpv6} puts for the address. */
    public static int ipv6Length(long high, long low) {
        int n = 7;
        for (int g = 0; g < 8; g++) {
            int group = group(high, low, g);
            n += group >= 0x1000 ? 4 : group >= 0x100 ? 3 : group >= 0x10 ? 2 : 1;
        }
        return n;
    }

    /**
     * Puts all eight groups, without {@code ::} compression (valid, simple, and fixed in cost), into
     * {@code to} at {@code at}; the offset after them.
     */
    public static int putIpv6(byte[] to, int at, long high, long low) {
        for (int g = 0; g < 8; g++) {
            int group = group(high, low, g);
            boolean started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                int nibble = group >>> shift & 0xF;
                if (started || nibble != 0 || shift == 0) {
                    to[at++] = (byte) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
                    started = true;
                }
            }
            if (g < 7) {
                to[at++] = ':';
            }
        }
        return at;
    }

    private static int group(long high, long low, int g) {
        long word = g < 4 ? high : low;
        return (int) (word >>> (48 - 16 * (g & 3)) & 0xFFFF);
    }
}
