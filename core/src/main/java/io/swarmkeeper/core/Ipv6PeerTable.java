package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * IPv6 peers in three parallel arrays: the address as two longs, and an int holding the port
 * (bits 0-15), the last-seen tick (bits 16-30) and the partial-seed flag (bit 31). A port is
 * never zero, so a zero int marks an empty slot.
 */
final class Ipv6PeerTable extends PeerTable {
    private static final int PARTIAL = 1 << 31;

    private long[] high = new long[initialCapacity()];
    private long[] low = new long[initialCapacity()];
    private int[] meta = new int[initialCapacity()];

    private static int hash(long addressHigh, long addressLow, int port) {
        return mix(addressHigh ^ Long.rotateLeft(addressLow, 29) ^ (long) port << 48);
    }

    @Override
    int find(AnnounceRequest peer) {
        return find(peer.peerIpv6High, peer.peerIpv6Low, peer.port);
    }

    @Override
    void put(AnnounceRequest peer, int tick, boolean partialSeed) {
        put(peer.peerIpv6High, peer.peerIpv6Low, peer.port, tick, partialSeed);
    }

    private int find(long addressHigh, long addressLow, int port) {
        int mask = meta.length - 1;
        for (int slot = hash(addressHigh, addressLow, port) & mask; meta[slot] != 0; slot = (slot + 1) & mask) {
            if ((meta[slot] & 0xFFFF) == port && high[slot] == addressHigh && low[slot] == addressLow) {
                return slot;
            }
        }
        return -1;
    }

    private void put(long addressHigh, long addressLow, int port, int tick, boolean partialSeed) {
        int slot = find(addressHigh, addressLow, port);
        if (slot < 0) {
            reserveOne();
            int mask = meta.length - 1;
            slot = hash(addressHigh, addressLow, port) & mask;
            while (meta[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            high[slot] = addressHigh;
            low[slot] = addressLow;
            size++;
        } else if (isPartialAt(slot)) {
            partialSeeds--;
        }
        if (partialSeed) {
            partialSeeds++;
        }
        meta[slot] = port | tick << 16 | (partialSeed ? PARTIAL : 0);
    }

    @Override
    int capacity() {
        return meta.length;
    }

    @Override
    boolean isEmpty(int slot) {
        return meta[slot] == 0;
    }

    @Override
    int home(int slot) {
        return hash(high[slot], low[slot], meta[slot] & 0xFFFF) & mask();
    }

    @Override
    int tickAt(int slot) {
        return (meta[slot] >>> 16) & TICK_MASK;
    }

    @Override
    boolean isPartialAt(int slot) {
        return meta[slot] < 0;
    }

    @Override
    void move(int from, int to) {
        high[to] = high[from];
        low[to] = low[from];
        meta[to] = meta[from];
    }

    @Override
    void clear(int slot) {
        meta[slot] = 0;
    }

    @Override
    void emit(int slot, PeerSink sink) {
        sink.ipv6(high[slot], low[slot], meta[slot] & 0xFFFF);
    }

    @Override
    void rehash(int capacity) {
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
