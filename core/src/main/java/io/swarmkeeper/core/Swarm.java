package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * The peers of one torrent: seeders and the rest (leechers and partial seeds), each per address
 * family. Guarded by its shard's lock.
 *
 * <p>Most swarms are small and all IPv4, so the swarm holds its two IPv4 slot arrays
 * ({@link Ipv4Slots}) and their counts itself: a table object per array would cost 24 bytes
 * (~4 bytes a peer at ~10 peers a torrent) and a pointer hop, often a cache miss, per announce.
 * An array is made when the first peer of its kind arrives. The rare IPv6 peers sit behind one
 * reference.
 */
final class Swarm {
    final long infoHashHigh;
    final long infoHashMiddle;
    final int infoHashLow;
    int downloaded;

    private long[] seeders4;
    private long[] leechers4;
    private int seeders4Size;
    private int leechers4Size;
    /** Partial seeds (BEP 21) among the IPv4 leechers: counted as incomplete, not as downloaders. */
    private int partialSeeds4;
    private Ipv6Peers ipv6;

    Swarm(long infoHashHigh, long infoHashMiddle, int infoHashLow) {
        this.infoHashHigh = infoHashHigh;
        this.infoHashMiddle = infoHashMiddle;
        this.infoHashLow = infoHashLow;
    }

    boolean is(long high, long middle, int low) {
        return infoHashMiddle == middle && infoHashHigh == high && infoHashLow == low;
    }

    /**
     * Picks peers for the announcing peer before recording it, so it never sees itself and
     * nothing needs filtering afterwards: a seeder gets leechers that still want pieces; anyone
     * else gets seeders first, then other leechers.
     */
    void announce(AnnounceRequest peer, int tick, int maxPeers, int maxOtherFamily, PeerSink sink, AnnounceReply reply) {
        boolean isIpv6 = peer.peerIsIpv6;
        boolean seeding = peer.isSeeder();
        long identity = Ipv4Slots.identity(peer.peerIpv4, peer.port);
        // A peer is in one table at most, and most announce in the state they were last in: look
        // there first, and in the other table only if it is not there. In a large swarm each look
        // is likely a cache miss.
        int asSeeder = seeding ? findSeeder(isIpv6, peer, identity) : -1;
        int asLeecher = asSeeder >= 0 ? -1 : findLeecher(isIpv6, peer, identity);
        if (!seeding && asLeecher < 0) {
            asSeeder = findSeeder(isIpv6, peer, identity);
        }

        if (peer.event == AnnounceEvent.STOPPED) {
            removeSeeder(isIpv6, asSeeder);
            removeLeecher(isIpv6, asLeecher);
            return;
        }

        if (peer.event == AnnounceEvent.COMPLETED && asSeeder < 0) {
            downloaded++;
        }
        if (isIpv6) {
            reply.peersIpv6 = pickIpv6(seeding, maxPeers, asSeeder, asLeecher, sink);
            reply.peersIpv4 = pickIpv4(seeding, maxOtherFamily, -1, -1, reply.pickScratch, sink);
        } else {
            reply.peersIpv4 = pickIpv4(seeding, maxPeers, asSeeder, asLeecher, reply.pickScratch, sink);
            reply.peersIpv6 = pickIpv6(seeding, maxOtherFamily, -1, -1, sink);
        }

        if (seeding) {
            removeLeecher(isIpv6, asLeecher);
        } else {
            removeSeeder(isIpv6, asSeeder);
        }
        // IPv4 reuses the slots found above: picking moved nothing, and the removal was from the other table.
        if (isIpv6) {
            recordIpv6(peer, tick, seeding);
        } else {
            recordIpv4(identity, tick, seeding, peer.isPartialSeed(), asSeeder, asLeecher);
        }
    }

    private int findSeeder(boolean isIpv6, AnnounceRequest peer, long identity) {
        return isIpv6 ? (ipv6 == null ? -1 : ipv6.seeders.find(peer)) : Ipv4Slots.find(seeders4, identity);
    }

    private int findLeecher(boolean isIpv6, AnnounceRequest peer, long identity) {
        return isIpv6 ? (ipv6 == null ? -1 : ipv6.leechers.find(peer)) : Ipv4Slots.find(leechers4, identity);
    }

    private void recordIpv4(long identity, int tick, boolean seeding, boolean partialSeed, int asSeeder, int asLeecher) {
        if (seeding) {
            seeders4 = Ipv4Slots.put(seeders4, seeders4Size, asSeeder, Ipv4Slots.entry(identity, tick, false));
            if (asSeeder < 0) {
                seeders4Size++;
            }
            return;
        }
        if (asLeecher >= 0 && Ipv4Slots.isPartialAt(leechers4, asLeecher)) {
            partialSeeds4--;
        }
        leechers4 = Ipv4Slots.put(leechers4, leechers4Size, asLeecher, Ipv4Slots.entry(identity, tick, partialSeed));
        if (asLeecher < 0) {
            leechers4Size++;
        }
        if (partialSeed) {
            partialSeeds4++;
        }
    }

    private void recordIpv6(AnnounceRequest peer, int tick, boolean seeding) {
        if (ipv6 == null) {
            ipv6 = new Ipv6Peers();
        }
        if (seeding) {
            ipv6.seeders.put(peer, tick, false);
        } else {
            ipv6.leechers.put(peer, tick, peer.isPartialSeed());
        }
    }

    private void removeSeeder(boolean isIpv6, int slot) {
        if (slot < 0) {
            return;
        }
        if (isIpv6) {
            ipv6.seeders.removeAt(slot);
        } else {
            Ipv4Slots.removeAt(seeders4, slot);
            seeders4Size--;
        }
    }

    private void removeLeecher(boolean isIpv6, int slot) {
        if (slot < 0) {
            return;
        }
        if (isIpv6) {
            ipv6.leechers.removeAt(slot);
        } else {
            if (Ipv4Slots.isPartialAt(leechers4, slot)) {
                partialSeeds4--;
            }
            Ipv4Slots.removeAt(leechers4, slot);
            leechers4Size--;
        }
    }

    private int pickIpv4(boolean forSeeder, int max, int excludedSeeder, int excludedLeecher, long[] scratch,
                         PeerSink sink) {
        if (forSeeder) {
            return Ipv4Slots.pick(leechers4, leechers4Size, max, excludedLeecher, true, scratch, sink);
        }
        int written = Ipv4Slots.pick(seeders4, seeders4Size, max, excludedSeeder, false, scratch, sink);
        return written + Ipv4Slots.pick(leechers4, leechers4Size, max - written, excludedLeecher, false, scratch, sink);
    }

    private int pickIpv6(boolean forSeeder, int max, int excludedSeeder, int excludedLeecher, PeerSink sink) {
        if (ipv6 == null) {
            return 0;
        }
        if (forSeeder) {
            return ipv6.leechers.pick(max, excludedLeecher, true, sink);
        }
        int written = ipv6.seeders.pick(max, excludedSeeder, false, sink);
        return written + ipv6.leechers.pick(max - written, excludedLeecher, false, sink);
    }

    void counts(ScrapeReply out) {
        out.complete = seeders();
        out.incomplete = leechers();
        out.downloaded = downloaded;
        out.downloaders = out.incomplete - partialSeeds4 - (ipv6 == null ? 0 : ipv6.leechers.partialSeeds);
    }

    /** Removes the peers not seen within {@code timeoutTicks}, and shrinks tables left mostly empty. */
    void sweep(int nowTick, int timeoutTicks) {
        seeders4Size -= Ipv4Slots.sweep(seeders4, nowTick, timeoutTicks);
        seeders4 = Ipv4Slots.shrinkToFit(seeders4, seeders4Size);
        int removedLeechers = Ipv4Slots.sweep(leechers4, nowTick, timeoutTicks);
        leechers4Size -= removedLeechers;
        // Partial seeds are rare: count them again only when some may have gone.
        if (removedLeechers > 0 && partialSeeds4 > 0) {
            partialSeeds4 = Ipv4Slots.partialSeeds(leechers4);
        }
        leechers4 = Ipv4Slots.shrinkToFit(leechers4, leechers4Size);
        if (ipv6 != null) {
            ipv6.seeders.sweep(nowTick, timeoutTicks);
            ipv6.leechers.sweep(nowTick, timeoutTicks);
        }
    }

    int seeders() {
        return seeders4Size + (ipv6 == null ? 0 : ipv6.seeders.size);
    }

    int leechers() {
        return leechers4Size + (ipv6 == null ? 0 : ipv6.leechers.size);
    }

    int ipv4Peers() {
        return seeders4Size + leechers4Size;
    }

    boolean isEmpty() {
        return seeders() + leechers() == 0;
    }
}
