package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * The peers of one torrent: seeders and the rest (leechers and partial seeds), each per address
 * family, tables made only once a peer of that kind arrives. Guarded by its shard's lock.
 */
final class Swarm {
    final long infoHashHigh;
    final long infoHashMiddle;
    final int infoHashLow;
    int downloaded;

    private Ipv4PeerTable seeders4;
    private Ipv4PeerTable leechers4;
    private Ipv6PeerTable seeders6;
    private Ipv6PeerTable leechers6;

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
        boolean ipv6 = peer.peerIsIpv6;
        PeerTable seeders = ipv6 ? seeders6 : seeders4;
        PeerTable leechers = ipv6 ? leechers6 : leechers4;
        int asSeeder = seeders == null ? -1 : seeders.find(peer);
        int asLeecher = leechers == null ? -1 : leechers.find(peer);

        if (peer.event == AnnounceEvent.STOPPED) {
            if (asSeeder >= 0) {
                seeders.removeAt(asSeeder);
            }
            if (asLeecher >= 0) {
                leechers.removeAt(asLeecher);
            }
            return;
        }

        boolean seeding = peer.isSeeder();
        if (peer.event == AnnounceEvent.COMPLETED && asSeeder < 0) {
            downloaded++;
        }
        int own = pick(seeders, leechers, seeding, maxPeers, asSeeder, asLeecher, sink);
        int other = pick(ipv6 ? seeders4 : seeders6, ipv6 ? leechers4 : leechers6, seeding, maxOtherFamily, -1, -1, sink);
        if (ipv6) {
            reply.peersIpv6 = own;
            reply.peersIpv4 = other;
        } else {
            reply.peersIpv4 = own;
            reply.peersIpv6 = other;
        }

        if (seeding) {
            if (asLeecher >= 0) {
                leechers.removeAt(asLeecher);
            }
            if (seeders == null) {
                seeders = ipv6 ? (seeders6 = new Ipv6PeerTable()) : (seeders4 = new Ipv4PeerTable());
            }
            seeders.put(peer, tick, false);
        } else {
            if (asSeeder >= 0) {
                seeders.removeAt(asSeeder);
            }
            if (leechers == null) {
                leechers = ipv6 ? (leechers6 = new Ipv6PeerTable()) : (leechers4 = new Ipv4PeerTable());
            }
            leechers.put(peer, tick, peer.isPartialSeed());
        }
    }

    private static int pick(PeerTable seeders, PeerTable leechers, boolean forSeeder, int max,
                            int excludedSeeder, int excludedLeecher, PeerSink sink) {
        if (forSeeder) {
            return leechers == null ? 0 : leechers.pick(max, excludedLeecher, true, sink);
        }
        int written = seeders == null ? 0 : seeders.pick(max, excludedSeeder, false, sink);
        return written + (leechers == null ? 0 : leechers.pick(max - written, excludedLeecher, false, sink));
    }

    void counts(ScrapeReply out) {
        out.complete = seeders();
        out.incomplete = leechers();
        out.downloaded = downloaded;
        out.downloaders = out.incomplete - partialSeeds();
    }

    int sweep(int nowTick, int timeoutTicks) {
        return sweep(seeders4, nowTick, timeoutTicks) + sweep(leechers4, nowTick, timeoutTicks)
                + sweep(seeders6, nowTick, timeoutTicks) + sweep(leechers6, nowTick, timeoutTicks);
    }

    private static int sweep(PeerTable table, int nowTick, int timeoutTicks) {
        return table == null ? 0 : table.sweep(nowTick, timeoutTicks);
    }

    int seeders() {
        return size(seeders4) + size(seeders6);
    }

    int leechers() {
        return size(leechers4) + size(leechers6);
    }

    int ipv4Peers() {
        return size(seeders4) + size(leechers4);
    }

    int ipv6Peers() {
        return size(seeders6) + size(leechers6);
    }

    private int partialSeeds() {
        return (leechers4 == null ? 0 : leechers4.partialSeeds) + (leechers6 == null ? 0 : leechers6.partialSeeds);
    }

    boolean isEmpty() {
        return seeders() + leechers() == 0;
    }

    private static int size(PeerTable table) {
        return table == null ? 0 : table.size;
    }
}
