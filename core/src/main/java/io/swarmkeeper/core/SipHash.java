package io.swarmkeeper.core;

/**
 * SipHash-2-4 (Aumasson and Bernstein) of a 24-byte message given as three little-endian words:
 * a keyed hash whose output nobody can predict without the key, cheap enough for every packet.
 */
final class SipHash {
    private static final int MESSAGE_BYTES = 24;

    private final long k0;
    private final long k1;

    SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    long hash(long m0, long m1, long m2) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        // Words 0-2 are the message, word 3 the length block; phase 4 is finalisation.
        for (int phase = 0; phase < 5; phase++) {
            long m = switch (phase) {
                case 0 -> m0;
                case 1 -> m1;
                case 2 -> m2;
                default -> (long) MESSAGE_BYTES << 56;
            };
            int rounds = 2;
            if (phase < 4) {
                v3 ^= m;
            } else {
                v2 ^= 0xff;
                rounds = 4;
            }
            for (int r = 0; r < rounds; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            if (phase < 4) {
                v0 ^= m;
            }
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }
}
