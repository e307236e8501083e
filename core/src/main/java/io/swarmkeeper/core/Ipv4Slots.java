package io.swarmkeeper.core;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A table of IPv4 peers as a bare {@code long[]} of slots, with the open-addressing algorithms
 * over it. The {@link Swarm} holds its arrays and their sizes itself: no table object, so a peer
 * costs its slot, and an announce goes from the swarm straight to its peers.
 *
 * <p>One {@code long} a peer: bits 0-47 its identity (address and port), bits 48-62 its last-seen
 * tick, bit 63 the partial-seed flag (BEP 21). An identity is never zero because a port is never
 * zero, so zero marks an empty slot. A null array is a table that has never held a peer.
 */
final class Ipv4Slots {
    private static final long IDENTITY_MASK = 0xFFFF_FFFF_FFFFL;
    private static final long PARTIAL = 1L << 63;

    private Ipv4Slots() {}

    static long identity(int address, int port) {
        return (address & 0xFFFF_FFFFL) << 16 | (port & 0xFFFF);
    }

    static long entry(long identity, int tick, boolean partialSeed) {
        return identity | (long) tick << 48 | (partialSeed ? PARTIAL : 0);
    }

    static boolean isPartialAt(long[] slots, int slot) {
        return slots[slot] < 0;
    }

    private static int tick(long entry) {
        return (int) (entry >>> 48) & PeerTables.TICK_MASK;
    }

    private static int home(long entry, int mask) {
        return SaltedHash.mix(entry & IDENTITY_MASK) & mask;
    }

    /** The slot holding {@code identity}, or -1. */
    static int find(long[] slots, long identity) {
        if (slots == null) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = home(identity, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
            if ((slots[slot] & IDENTITY_MASK) == identity) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Stores {@code entry} in {@code slot}, where {@link #find} found its identity, or in a new slot
     * if that is -1. Returns the array now holding it: a larger one (or the first) when the table of
     * {@code size} entries had no room for another.
     */
    static long[] put(long[] slots, int size, int slot, long entry) {
        if (slot >= 0) {
            slots[slot] = entry;
            return slots;
        }
        long[] table = slots == null ? new long[PeerTables.MIN_CAPACITY] : slots;
        if (PeerTables.mustGrow(size, table.length)) {
            table = rehash(table, table.length * 2);
        }
        place(table, entry);
        return table;
    }

    private static void place(long[] slots, long entry) {
        int mask = slots.length - 1;
        int slot = home(entry, mask);
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
    }

    /** Empties {@code slot}, shifting back the entries after it so no lookup stops short. */
    static void removeAt(long[] slots, int slot) {
        int mask = slots.length - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
            if (PeerTables.movesBack(hole, next, home(slots[next], mask), mask)) {
                slots[hole] = slots[next];
                hole = next;
            }
        }
        slots[hole] = 0;
    }

    /**
     * Writes up to {@code max} of the table's {@code size} peers to the sink, starting at a random
     * slot so that successive askers see different parts of a large swarm. Skips
     * {@code excludedSlot} (the asker itself) and, if asked, partial seeds (who want no pieces, so a
     * seeder gains nothing from them).
     *
     * <p>Which slots hold a peer is random, so a branch per slot is often mispredicted. The scan
     * instead copies every entry into {@code scratch}, advances the cursor past the ones kept
     * without a branch, and hands those to the sink at once (they are in the form it takes). The
     * asker's entry is hidden for the scan (the caller holds the swarm's lock), so the scan tests
     * nothing else.
     */
    static int pick(long[] slots, int size, int max, int excludedSlot, boolean skipPartialSeeds,
                    long[] scratch, PeerSink sink) {
        if (max <= 0 || size == 0) {
            return 0;
        }
        long asker = excludedSlot >= 0 ? slots[excludedSlot] : 0;
        if (excludedSlot >= 0) {
            slots[excludedSlot] = 0;
        }
        // Partial seeds are the entries with bit 63 set: this mask lets them through or not.
        long partialMask = skipPartialSeeds ? 0 : -1L;
        int start = ThreadLocalRandom.current().nextInt(slots.length);
        int written = scan(slots, start, slots.length, max, partialMask, scratch, sink);
        written += scan(slots, 0, start, max - written, partialMask, scratch, sink);
        if (excludedSlot >= 0) {
            slots[excludedSlot] = asker;
        }
        return written;
    }

    private static int scan(long[] slots, int from, int to, int max, long partialMask, long[] scratch, PeerSink sink) {
        int written = 0;
        int slot = from;
        while (slot < to && written < max) {
            int limit = Math.min(scratch.length, max - written);
            int kept = 0;
            for (; slot < to && kept < limit; slot++) {
                long entry = slots[slot];
                scratch[kept] = entry;
                // Bit 63 of -entry is set for a positive entry (a peer); entry's own for a partial seed.
                kept += (int) ((-entry | entry & partialMask) >>> 63);
            }
            sink.ipv4(scratch, kept);
            written += kept;
        }
        return written;
    }

    /** Removes every entry whose tick is older than {@code timeoutTicks}; returns how many. */
    static int sweep(long[] slots, int nowTick, int timeoutTicks) {
        if (slots == null) {
            return 0;
        }
        int removed = 0;
        for (int slot = 0; slot < slots.length; ) {
            long entry = slots[slot];
            if (entry != 0 && PeerTables.isExpired(tick(entry), nowTick, timeoutTicks)) {
                removeAt(slots, slot);
                removed++;
                // Backward shift may have moved an unchecked entry into this slot: look again.
            } else {
                slot++;
            }
        }
        return removed;
    }

    /** The table of {@code size} entries after a sweep: the same array unless it is mostly empty. */
    static long[] shrinkToFit(long[] slots, int size) {
        if (slots == null) {
            return null;
        }
        int capacity = PeerTables.shrunkCapacity(size, slots.length);
        return capacity == slots.length ? slots : rehash(slots, capacity);
    }

    static int partialSeeds(long[] slots) {
        int partial = 0;
        for (long entry : slots) {
            if (entry < 0) {
                partial++;
            }
        }
        return partial;
    }

    private static long[] rehash(long[] old, int capacity) {
        long[] slots = new long[capacity];
        for (long entry : old) {
            if (entry != 0) {
                place(slots, entry);
            }
        }
        return slots;
    }
}
