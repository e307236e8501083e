package io.swarmkeeper.core;

import java.security.SecureRandom;

/**
 * The hash of every open-addressing table in the store. Peers choose their ports and, over IPv6,
 * their addresses, and clients choose info-hashes: a secret salt keeps them from choosing keys
 * that all land in one probe run and make every lookup linear.
 */
final class SaltedHash {
    private static final long SALT = new SecureRandom().nextLong();

    private SaltedHash() {}

    static int mix(long key) {
        key ^= SALT;
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return (int) key;
    }
}
