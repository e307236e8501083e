package io.swarmkeeper.core;

/**
 * What the IPv4 slot arrays ({@link Ipv4Slots}) and the IPv6 tables ({@link Ipv6PeerTable}) share:
 * the last-seen tick each entry carries, and the rules of their open addressing (linear probing,
 * backward-shift deletion): when a table grows, when it shrinks, when an entry may move back.
 */
final class PeerTables {
    /** Ticks are 4 s long and 15 bits wide: they wrap after 36 h, far beyond any peer timeout. */
    static final int TICK_SECONDS = 4;
    static final int TICK_MASK = 0x7FFF;
    /** Peer timeouts must stay well inside the tick range so an old tick never looks new. */
    static final int MAX_TIMEOUT_SECONDS = 12 * 3600;
    /** Two slots: a swarm's lone seeder, the commonest table of all, costs 16 bytes of slots, not 32. */
    static final int MIN_CAPACITY = 2;
    private static final int SMALL_CAPACITY = 16;

    private PeerTables() {}

    static int tick(long nowSeconds) {
        return (int) (nowSeconds / TICK_SECONDS) & TICK_MASK;
    }

    static boolean isExpired(int tick, int nowTick, int timeoutTicks) {
        return ((nowTick - tick) & TICK_MASK) > timeoutTicks;
    }

    /**
     * Whether a table must grow before one more insert: past three quarters full, except that a
     * table of at most {@link #SMALL_CAPACITY} slots (two cache lines of IPv4 peers, scanned whole
     * in a few nanoseconds) may fill all but one slot, which a lookup needs to stop at. Most swarms
     * are small, so this is where the memory of a public tracker goes.
     */
    static boolean mustGrow(int size, int capacity) {
        int limit = capacity <= SMALL_CAPACITY ? capacity - 1 : capacity / 4 * 3;
        return size + 1 > limit;
    }

    /** The capacity a table should have after a sweep: {@code capacity} unless it is mostly empty. */
    static int shrunkCapacity(int size, int capacity) {
        int shrunk = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size) * 2) * 2);
        return size * 8 < capacity && shrunk < capacity ? shrunk : capacity;
    }

    /**
     * Whether backward-shift deletion moves the entry at {@code next}, whose home slot is
     * {@code home}, back into {@code hole}: unless its home lies cyclically after the hole.
     */
    static boolean movesBack(int hole, int next, int home, int mask) {
        return ((next - home) & mask) >= ((next - hole) & mask);
    }
}
