package io.swarmkeeper.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A 20-byte info-hash carried as three primitives (big-endian: bytes 0-7, 8-15, 16-19) so the
 * hot path can key a swarm without allocating a {@code byte[]} or an object per request.
 */
public final class InfoHash {
    public static final int LENGTH = 20;

    private InfoHash() {}

    public static long high(byte[] bytes, int offset) {
        return longAt(bytes, offset);
    }

    public static long middle(byte[] bytes, int offset) {
        return longAt(bytes, offset + 8);
    }

    public static int low(byte[] bytes, int offset) {
        return (bytes[offset + 16] & 0xFF) << 24 | (bytes[offset + 17] & 0xFF) << 16
                | (bytes[offset + 18] & 0xFF) << 8 | (bytes[offset + 19] & 0xFF);
    }

    public static void write(ByteBuf out, long high, long middle, int low) {
        out.writeLong(high).writeLong(middle).writeInt(low);
    }

    public static byte[] toBytes(long high, long middle, int low) {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (middle >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            b[16 + i] = (byte) (low >>> (24 - 8 * i));
        }
        return b;
    }

    public static String toHex(long high, long middle, int low) {
        return String.format("%016x%016x%08x", high, middle, low);
    }

    private static long longAt(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[o + i] & 0xFF);
        }
        return v;
    }
}
