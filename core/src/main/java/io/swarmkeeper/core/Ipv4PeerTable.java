package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * IPv4 peers, one {@code long} each: bits 0-47 the peer's identity (address and port), bits
 * 48-62 its last-seen tick, bit 63 the partial-seed flag. An identity is never zero because a
 * port is never zero, so zero marks an empty slot.
 */
final class Ipv4PeerTable extends PeerTable {
    private static final long IDENTITY_MASK = 0xFFFF_FFFF_FFFFL;
    private static final long PARTIAL = 1L << 63;

    private long[] slots = new long[initialCapacity()];

    private static long identity(int address, int port) {
        return (address & 0xFFFF_FFFFL) << 16 | (port & 0xFFFF);
    }

    @Override
    int find(AnnounceRequest peer) {
        return find(identity(peer.peerIpv4, peer.port));
    }

    @Override
    void put(AnnounceRequest peer, int tick, boolean partialSeed) {
        put(identity(peer.peerIpv4, peer.port), tick, partialSeed);
    }

    private int find(long identity) {
        int mask = slots.length - 1;
        for (int slot = mix(identity) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            if ((slots[slot] & IDENTITY_MASK) == identity) {
                return slot;
            }
        }
        return -1;
    }

    private void put(long identity, int tick, boolean partialSeed) {
        int slot = find(identity);
        if (slot < 0) {
            reserveOne();
            int mask = slots.length - 1;
            slot = mix(identity) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            size++;
        } else if (isPartialAt(slot)) {
            partialSeeds--;
        }
        if (partialSeed) {
            partialSeeds++;
        }
        slots[slot] = identity | (long) tick << 48 | (partialSeed ? PARTIAL : 0);
    }

    @Override
    int capacity() {
        return slots.length;
    }

    @Override
    boolean isEmpty(int slot) {
        return slots[slot] == 0;
    }

    @Override
    int home(int slot) {
        return mix(slots[slot] & IDENTITY_MASK) & mask();
    }

    @Override
    int tickAt(int slot) {
        return (int) (slots[slot] >>> 48) & TICK_MASK;
    }

    @Override
    boolean isPartialAt(int slot) {
        return slots[slot] < 0;
    }

    @Override
    void move(int from, int to) {
        slots[to] = slots[from];
    }

    @Override
    void clear(int slot) {
        slots[slot] = 0;
    }

    @Override
    void emit(int slot, PeerSink sink) {
        long entry = slots[slot];
        sink.ipv4((int) (entry >>> 16), (int) entry & 0xFFFF);
    }

    @Override
    void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        int mask = capacity - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = mix(entry & IDENTITY_MASK) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }
}
