package io.swarmkeeper.core;

import java.security.SecureRandom;

/**
 * BEP 15 connection ids that cost no memory per client and cannot be forged.
 *
 * <p>Threat model: a UDP source address can be spoofed, so a tracker that answered announces from
 * any source would be a traffic amplifier aimed at whoever the forger names. A connection id
 * proves the sender received our connect reply at that address. Ours is
 * {@code window(8 bits) || SipHash(secret, address, window)(56 bits)}, where a window is
 * {@link #WINDOW_SECONDS} long. Without the secret (random per process) nobody can compute an id
 * for an address they cannot receive at; 56 bits make guessing hopeless. The window number in
 * the top byte lets a check recompute exactly one hash. An id is accepted while its window is no
 * older than the configured maximum age (BEP 15 asks for at least two minutes; some clients reuse
 * ids for longer). The address is the IP alone: a NAT may move a client's port between connect
 * and announce, and the IP is what spoofing would forge.
 */
public final class ConnectionIds {
    public static final int WINDOW_SECONDS = 60;
    /** The window number has 8 bits, so an id can be told apart from a newer one for 255 windows. */
    public static final int MAX_AGE_SECONDS = 255 * WINDOW_SECONDS;
    private static final long HASH_MASK = 0x00FF_FFFF_FFFF_FFFFL;

    private final SipHash hash;
    private final int maxAgeWindows;
    private final Clock clock;

    public ConnectionIds(long secret0, long secret1, int maxAgeSeconds, Clock clock) {
        if (maxAgeSeconds < 120 || maxAgeSeconds > MAX_AGE_SECONDS) {
            throw new IllegalArgumentException("connection id max age must be 120.." + MAX_AGE_SECONDS + " s");
        }
        this.hash = new SipHash(secret0, secret1);
        this.maxAgeWindows = (maxAgeSeconds + WINDOW_SECONDS - 1) / WINDOW_SECONDS;
        this.clock = clock;
    }

    public static ConnectionIds withRandomSecret(int maxAgeSeconds, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new ConnectionIds(random.nextLong(), random.nextLong(), maxAgeSeconds, clock);
    }

    /** An id for an IPv4 sender. */
    public long issue(int ipv4) {
        return issue(0, mapped(ipv4));
    }

    /** An id for an IPv6 sender (address as two big-endian longs). */
    public long issue(long ipv6High, long ipv6Low) {
        long window = clock.nowSeconds() / WINDOW_SECONDS;
        return (window & 0xFF) << 56 | (hash.hash(ipv6High, ipv6Low, window) & HASH_MASK);
    }

    public boolean isValid(long id, int ipv4) {
        return isValid(id, 0, mapped(ipv4));
    }

    public boolean isValid(long id, long ipv6High, long ipv6Low) {
        long current = clock.nowSeconds() / WINDOW_SECONDS;
        long age = (current - (id >>> 56)) & 0xFF;
        if (age > maxAgeWindows) {
            return false;
        }
        long window = current - age;
        return (hash.hash(ipv6High, ipv6Low, window) & HASH_MASK) == (id & HASH_MASK);
    }

    /** IPv4 as its IPv4-mapped IPv6 form, so one hash input shape serves both families. */
    private static long mapped(int ipv4) {
        return 0xFFFF_0000_0000L | (ipv4 & 0xFFFF_FFFFL);
    }
}
