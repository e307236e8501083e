package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open-addressing set of peers of one family and one state (seeding or not) in one swarm,
 * kept in primitive arrays so a peer costs a few bytes rather than an object. Linear probing with
 * backward-shift deletion keeps the table free of tombstones, so a lookup stops at the first
 * empty slot and a sweep compacts as it goes.
 *
 * <p>Each entry carries a {@linkplain #tick last-seen tick} and a partial-seed flag (BEP 21).
 * Subclasses own the arrays; this class owns the algorithms. Not thread-safe: the swarm's shard
 * lock guards it.
 */
abstract class PeerTable {
    /** Ticks are 4 s long and 15 bits wide: they wrap after 36 h, far beyond any peer timeout. */
    static final int TICK_SECONDS = 4;
    static final int TICK_MASK = 0x7FFF;
    /** Peer timeouts must stay well inside the tick range so an old tick never looks new. */
    static final int MAX_TIMEOUT_SECONDS = 12 * 3600;
    /** Two slots: a swarm's lone seeder, the commonest table of all, costs 16 bytes of slots, not 32. */
    private static final int MIN_CAPACITY = 2;
    private static final int SMALL_CAPACITY = 16;

    int size;
    int partialSeeds;

    static int tick(long nowSeconds) {
        return (int) (nowSeconds / TICK_SECONDS) & TICK_MASK;
    }

    /** The slot holding the announcing peer, or -1. */
    abstract int find(AnnounceRequest peer);

    /** Inserts or refreshes the announcing peer. */
    abstract void put(AnnounceRequest peer, int tick, boolean partialSeed);

    abstract int capacity();

    abstract boolean isEmpty(int slot);

    /** Where the entry in {@code slot} would sit if nothing had collided with it. */
    abstract int home(int slot);

    abstract int tickAt(int slot);

    abstract boolean isPartialAt(int slot);

    abstract void move(int from, int to);

    abstract void clear(int slot);

    /** Writes the peer in {@code slot} to the sink. */
    abstract void emit(int slot, PeerSink sink);

    /** A table of {@code capacity} slots holding this table's entries, for growing and shrinking. */
    abstract void rehash(int capacity);

    final int mask() {
        return capacity() - 1;
    }

    static int initialCapacity() {
        return MIN_CAPACITY;
    }

    /**
     * Grows before an insert would pass the load limit: three quarters full, except that a table
     * of at most {@link #SMALL_CAPACITY} slots (two cache lines of IPv4 peers, scanned whole in a
     * few nanoseconds) may fill all but one slot, which a lookup needs to stop at. Most swarms are
     * small, so this is where the memory of a public tracker goes.
     */
    final void reserveOne() {
        int capacity = capacity();
        int limit = capacity <= SMALL_CAPACITY ? capacity - 1 : capacity / 4 * 3;
        if (size + 1 > limit) {
            rehash(capacity * 2);
        }
    }

    final void removeAt(int slot) {
        if (isPartialAt(slot)) {
            partialSeeds--;
        }
        size--;
        int mask = mask();
        int hole = slot;
        int next = (hole + 1) & mask;
        while (!isEmpty(next)) {
            int home = home(next);
            // Move the entry back into the hole unless its home lies cyclically after the hole.
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                move(next, hole);
                hole = next;
            }
            next = (next + 1) & mask;
        }
        clear(hole);
    }

    /**
     * Writes up to {@code max} peers to the sink, starting at a random slot so that successive
     * askers see different parts of a large swarm. Skips {@code excludedSlot} (the asker itself)
     * and, if asked, partial seeds (who want no pieces, so a seeder gains nothing from them).
     */
    final int pick(int max, int excludedSlot, boolean skipPartialSeeds, PeerSink sink) {
        if (max <= 0 || size == 0) {
            return 0;
        }
        int capacity = capacity();
        int mask = capacity - 1;
        int start = ThreadLocalRandom.current().nextInt(capacity);
        int written = 0;
        for (int i = 0; i < capacity && written < max; i++) {
            int slot = (start + i) & mask;
            if (isEmpty(slot) || slot == excludedSlot || (skipPartialSeeds && isPartialAt(slot))) {
                continue;
            }
            emit(slot, sink);
            written++;
        }
        return written;
    }

    /** Removes every entry whose tick is older than {@code timeoutTicks}; returns how many. */
    final int sweep(int nowTick, int timeoutTicks) {
        int removed = 0;
        int capacity = capacity();
        for (int slot = 0; slot < capacity; ) {
            if (!isEmpty(slot) && ((nowTick - tickAt(slot)) & TICK_MASK) > timeoutTicks) {
                removeAt(slot);
                removed++;
                // Backward shift may have moved an unchecked entry into this slot: look again.
            } else {
                slot++;
            }
        }
        int shrunk = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size) * 2) * 2);
        if (size * 8 < capacity && shrunk < capacity) {
            rehash(shrunk);
        }
        return removed;
    }

    /**
     * Peers choose their ports and, over IPv6, their addresses: a secret salt keeps them from
     * choosing identities that all land in one probe run and make every lookup linear.
     */
    private static final long SALT = new SecureRandom().nextLong();

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
