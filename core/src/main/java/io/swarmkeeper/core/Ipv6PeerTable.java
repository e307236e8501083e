package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * IPv6 peers of one state (seeding or not) in one swarm, in three parallel arrays: the address as
 * two longs, and an int holding the port (bits 0-15), the last-seen tick (bits 16-30) and the
 * partial-seed flag (bit 31, BEP 21). A port is never zero, so a zero int marks an empty slot.
 * IPv6 peers are rare, so unlike {@link Ipv4Slots} this is an object that keeps its own counts;
 * it follows the same rules ({@link PeerTables}).
 */
final class Ipv6PeerTable {
    private static final int PARTIAL = 1 << 31;

    int size;
    int partialSeeds;

    private long[] high = new long[PeerTables.MIN_CAPACITY];
    private long[] low = new long[PeerTables.MIN_CAPACITY];
    private int[] meta = new int[PeerTables.MIN_CAPACITY];

    private static int hash(long addressHigh, long addressLow, int port) {
        return SaltedHash.mix(addressHigh ^ Long.rotateLeft(addressLow, 29) ^ (long) port << 48);
    }

    private int home(int slot, int mask) {
        return hash(high[slot], low[slot], meta[slot] & 0xFFFF) & mask;
    }

    /** The slot holding the announcing peer, or -1. */
    int find(AnnounceRequest peer) {
        int mask = meta.length - 1;
        int port = peer.port;
        for (int slot = hash(peer.peerIpv6High, peer.peerIpv6Low, port) & mask; meta[slot] != 0; slot = (slot + 1) & mask) {
            if ((meta[slot] & 0xFFFF) == port && high[slot] == peer.peerIpv6High && low[slot] == peer.peerIpv6Low) {
                return slot;
            }
        }
        return -1;
    }

    /** Inserts or refreshes the announcing peer. */
    void put(AnnounceRequest peer, int tick, boolean partialSeed) {
        int slot = find(peer);
        if (slot < 0) {
            if (PeerTables.mustGrow(size, meta.length)) {
                rehash(meta.length * 2);
            }
            int mask = meta.length - 1;
            slot = hash(peer.peerIpv6High, peer.peerIpv6Low, peer.port) & mask;
            while (meta[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            high[slot] = peer.peerIpv6High;
            low[slot] = peer.peerIpv6Low;
            size++;
        } else if (meta[slot] < 0) {
            partialSeeds--;
        }
        if (partialSeed) {
            partialSeeds++;
        }
        meta[slot] = peer.port | tick << 16 | (partialSeed ? PARTIAL : 0);
    }

    /** Empties {@code slot}, shifting back the entries after it so no lookup stops short. */
    void removeAt(int slot) {
        if (meta[slot] < 0) {
            partialSeeds--;
        }
        size--;
        int mask = meta.length - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; meta[next] != 0; next = (next + 1) & mask) {
            if (PeerTables.movesBack(hole, next, home(next, mask), mask)) {
                high[hole] = high[next];
                low[hole] = low[next];
                meta[hole] = meta[next];
                hole = next;
            }
        }
        meta[hole] = 0;
    }

    /** As {@link Ipv4Slots#pick}: up to {@code max} peers from a random start, the asker's slot and, if asked, partial seeds skipped. */
    int pick(int max, int excludedSlot, boolean skipPartialSeeds, PeerSink sink) {
        if (max <= 0 || size == 0) {
            return 0;
        }
        int capacity = meta.length;
        int mask = capacity - 1;
        int start = ThreadLocalRandom.current().nextInt(capacity);
        int written = 0;
        for (int i = 0; i < capacity && written < max; i++) {
            int slot = (start + i) & mask;
            if (meta[slot] == 0 || slot == excludedSlot || (skipPartialSeeds && meta[slot] < 0)) {
                continue;
            }
            sink.ipv6(high[slot], low[slot], meta[slot] & 0xFFFF);
            written++;
        }
        return written;
    }

    /** Removes every entry whose tick is older than {@code timeoutTicks}, then shrinks a mostly empty table. */
    void sweep(int nowTick, int timeoutTicks) {
        for (int slot = 0; slot < meta.length; ) {
            if (meta[slot] != 0 && PeerTables.isExpired((meta[slot] >>> 16) & PeerTables.TICK_MASK, nowTick, timeoutTicks)) {
                removeAt(slot);
                // Backward shift may have moved an unchecked entry into this slot: look again.
            } else {
                slot++;
            }
        }
        int capacity = PeerTables.shrunkCapacity(size, meta.length);
        if (capacity != meta.length) {
            rehash(capacity);
        }
    }

    private void rehash(int capacity) {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldMeta = meta;
        high = new long[capacity];
        low = new long[capacity];
        meta = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldMeta.length; i++) {
            if (oldMeta[i] != 0) {
                int slot = hash(oldHigh[i], oldLow[i], oldMeta[i] & 0xFFFF) & mask;
                while (meta[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                meta[slot] = oldMeta[i];
            }
        }
    }
}
