package io.swarmkeeper.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Peers in their compact wire form, which BEP 15 (UDP) and BEP 23 (HTTP {@code peers}) share and
 * BEP 7 extends to IPv6 ({@code peers6}): the address, then the port, big-endian. A reply's peers
 * gathered in an array and copied into the reply at once cost a few plain stores each, where a
 * buffer write per field costs its checks every time.
 */
public final class CompactPeers {
    public static final int IPV4_LENGTH = 6;
    public static final int IPV6_LENGTH = 18;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private CompactPeers() {}

    /** Puts an IPv4 peer into {@code to} at {@code at} and returns the offset after it. */
    public static int putIpv4(byte[] to, int at, int address, int port) {
        INT.set(to, at, address);
        SHORT.set(to, at + 4, (short) port);
        return at + IPV4_LENGTH;
    }

    /**
     * Puts {@code count} IPv4 peers into {@code to} at {@code at}, each given as a long with its
     * address in bits 16-47 and its port in bits 0-15 (higher bits ignored), and returns the offset
     * after them. That is the wire form shifted: each peer but the last goes in with one 8-byte
     * store whose two spare bytes the next peer overwrites, so nothing is written past the last.
     */
    public static int putIpv4(byte[] to, int at, long[] peers, int count) {
        if (count <= 0) {
            return at;
        }
        for (int i = 0; i < count - 1; i++) {
            LONG.set(to, at, peers[i] << 16);
            at += IPV4_LENGTH;
        }
        long last = peers[count - 1];
        return putIpv4(to, at, (int) (last >>> 16), (int) last & 0xFFFF);
    }

    /** The IPv6 form of {@link #putIpv4(byte[], int, int, int)}. */
    public static int putIpv6(byte[] to, int at, long addressHigh, long addressLow, int port) {
        LONG.set(to, at, addressHigh);
        LONG.set(to, at + 8, addressLow);
        SHORT.set(to, at + 16, (short) port);
        return at + IPV6_LENGTH;
    }
}
