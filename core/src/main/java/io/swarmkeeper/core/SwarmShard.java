package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * One shard of the swarm store: an open-addressing table of swarms (linear probing, backward-shift
 * deletion) and the shard's running totals. Callers hold the shard's monitor.
 */
final class SwarmShard {
    private static final int MIN_CAPACITY = 16;

    private Swarm[] slots = new Swarm[MIN_CAPACITY];
    int torrents;
    long seeders;
    long leechers;
    long ipv4Peers;
    long ipv6Peers;

    /** Info-hashes are chosen by clients, so they are salted like peer identities (see {@link SaltedHash}). */
    private static int home(long middle, int mask) {
        return SaltedHash.mix(middle) & mask;
    }

    Swarm find(long high, long middle, int low) {
        int mask = slots.length - 1;
        for (int slot = home(middle, mask); slots[slot] != null; slot = (slot + 1) & mask) {
            if (slots[slot].is(high, middle, low)) {
                return slots[slot];
            }
        }
        return null;
    }

    void announce(AnnounceRequest peer, int tick, int maxPeers, int maxOtherFamily, PeerSink sink, AnnounceReply reply) {
        Swarm swarm = find(peer.infoHashHigh, peer.infoHashMiddle, peer.infoHashLow);
        if (swarm == null) {
            if (peer.event == AnnounceEvent.STOPPED) {
                return;
            }
            swarm = insert(new Swarm(peer.infoHashHigh, peer.infoHashMiddle, peer.infoHashLow));
        }
        int seeders0 = swarm.seeders();
        int leechers0 = swarm.leechers();
        int ipv4Peers0 = swarm.ipv4Peers();
        swarm.announce(peer, tick, maxPeers, maxOtherFamily, sink, reply);
        int seeders1 = swarm.seeders();
        int leechers1 = swarm.leechers();
        int ipv4Peers1 = swarm.ipv4Peers();
        seeders += seeders1 - seeders0;
        leechers += leechers1 - leechers0;
        ipv4Peers += ipv4Peers1 - ipv4Peers0;
        ipv6Peers += (seeders1 + leechers1 - ipv4Peers1) - (seeders0 + leechers0 - ipv4Peers0);
        reply.complete = seeders1;
        reply.incomplete = leechers1;
        reply.downloaded = swarm.downloaded;
    }

    private Swarm insert(Swarm swarm) {
        if ((torrents + 1) * 4 > slots.length * 3) {
            resize(slots.length * 2);
        }
        place(slots, swarm);
        torrents++;
        return swarm;
    }

    private static void place(Swarm[] table, Swarm swarm) {
        int mask = table.length - 1;
        int slot = home(swarm.infoHashMiddle, mask);
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = swarm;
    }

    private void resize(int capacity) {
        Swarm[] old = slots;
        slots = new Swarm[capacity];
        for (Swarm swarm : old) {
            if (swarm != null) {
                place(slots, swarm);
            }
        }
    }

    void forEach(SwarmVisitor visitor, ScrapeReply scratch) {
        for (Swarm swarm : slots) {
            if (swarm != null) {
                swarm.counts(scratch);
                visitor.visit(swarm.infoHashHigh, swarm.infoHashMiddle, swarm.infoHashLow, scratch);
            }
        }
    }

    /** Sweeps every swarm, drops the empty ones, and recounts the totals from scratch. */
    void expire(int nowTick, int timeoutTicks) {
        long seen = 0;
        long seeding = 0;
        long ipv4 = 0;
        for (int slot = 0; slot < slots.length; ) {
            Swarm swarm = slots[slot];
            if (swarm == null) {
                slot++;
                continue;
            }
            swarm.sweep(nowTick, timeoutTicks);
            if (swarm.isEmpty()) {
                removeAt(slot);
                // Backward shift may have moved an unswept swarm into this slot: look again.
                continue;
            }
            seen += swarm.seeders() + swarm.leechers();
            seeding += swarm.seeders();
            ipv4 += swarm.ipv4Peers();
            slot++;
        }
        seeders = seeding;
        leechers = seen - seeding;
        ipv4Peers = ipv4;
        ipv6Peers = seen - ipv4;
        if (slots.length > MIN_CAPACITY && torrents * 8 < slots.length) {
            resize(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, torrents) * 2) * 2));
        }
    }

    private void removeAt(int slot) {
        torrents--;
        int mask = slots.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (slots[next] != null) {
            int home = home(slots[next].infoHashMiddle, mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                slots[hole] = slots[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        slots[hole] = null;
    }
}
