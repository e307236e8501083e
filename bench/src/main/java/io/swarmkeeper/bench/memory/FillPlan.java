package io.swarmkeeper.bench.memory;

import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * Who announces where in a memory fill: {@code peers} distinct IPv4 peers, each in one of
 * {@code torrents} torrents drawn uniformly at random, a few percent of them seeding. Everything
 * is a pure function of the peer's index, so a retransmitted announce is the same announce, and
 * the in-process store fill ({@link StoreFill}) sees exactly what a tracker sees over UDP.
 *
 * <p>Both trackers measured key a peer by its packet's source address and the port it
 * <em>announces</em> (not the source port), so identities are (source address, announced port):
 * peer {@code i} speaks from source {@code i mod sources}, an address in 127.2.0.0/16 (all of
 * 127/8 is loopback on Linux), and announces port {@code 1 + i / sources}. One socket per source
 * address; BEP 15 connection ids are per address, so one connect per socket.
 *
 * <p>The info-hashes are the load generator's ({@link TorrentSet} with the same seed), so the
 * whitelist that {@code bench whitelist --torrents M --seed S} writes admits every announce.
 */
public final class FillPlan {
    /** Sources are 127.2.0.1, 127.2.0.2, ...: away from 127.0.0.1, where the trackers listen. */
    public static final int FIRST_SOURCE = 127 << 24 | 2 << 16 | 1;
    public static final int MAX_SOURCES = 65_000;
    /** Left for a leecher: any non-zero number will do. */
    private static final long LEFT = 1L << 30;

    private final int peers;
    private final TorrentSet torrentSet;
    private final int sources;
    private final int seederPercent;
    private final long seed;

    public FillPlan(int peers, int torrents, int sources, int seederPercent, long seed) {
        if (peers < 1 || torrents < 1) {
            throw new IllegalArgumentException("at least one peer and one torrent");
        }
        if (sources < 1 || sources > MAX_SOURCES || (peers + sources - 1L) / sources > 65_535) {
            throw new IllegalArgumentException("sources must be 1.." + MAX_SOURCES
                    + " and at least peers / 65535 (ports per source address)");
        }
        if (seederPercent < 0 || seederPercent > 100) {
            throw new IllegalArgumentException("seeder percent must be 0..100");
        }
        this.peers = peers;
        // The Pareto shape moves only popularity, never the hashes: any shape gives the same set.
        this.torrentSet = new TorrentSet(torrents, 1.1, seed);
        this.sources = sources;
        this.seederPercent = seederPercent;
        this.seed = seed;
    }

    /** Enough sources for the ports, and at least 64 so that no one socket carries the fill. */
    public static int defaultSources(int peers) {
        return Math.min(MAX_SOURCES, Math.max(64, (peers + 32_767) / 32_768));
    }

    public int peers() {
        return peers;
    }

    public int torrents() {
        return torrentSet.count();
    }

    public int sources() {
        return sources;
    }

    public TorrentSet torrentSet() {
        return torrentSet;
    }

    public int torrent(int peer) {
        return (int) Long.remainderUnsigned(mix(peer, seed), torrentSet.count());
    }

    public boolean isSeeder(int peer) {
        return Long.remainderUnsigned(mix(peer, ~seed), 100) < seederPercent;
    }

    public int source(int peer) {
        return peer % sources;
    }

    public int sourceAddress(int source) {
        return FIRST_SOURCE + source;
    }

    public int port(int peer) {
        return 1 + peer / sources;
    }

    /** Fills {@code into} as peer {@code peer}'s first announce, from its source address. */
    public void announce(int peer, int numwant, AnnounceRequest into) {
        into.clear();
        int torrent = torrent(peer);
        into.infoHashHigh = torrentSet.high(torrent);
        into.infoHashMiddle = torrentSet.middle(torrent);
        into.infoHashLow = torrentSet.low(torrent);
        byte[] id = into.peerId;
        id[0] = '-';
        id[1] = 'S';
        id[2] = 'K';
        id[3] = '0';
        id[4] = '0';
        id[5] = '0';
        id[6] = '1';
        id[7] = '-';
        for (int b = 8; b < AnnounceRequest.PEER_ID_LENGTH; b++) {
            id[b] = (byte) (peer >>> ((b & 3) * 8));
        }
        into.port = port(peer);
        into.left = isSeeder(peer) ? 0 : LEFT;
        into.event = AnnounceEvent.STARTED;
        into.key = peer;
        into.hasKey = true;
        into.numwant = numwant;
        into.setPeerIpv4(sourceAddress(source(peer)));
    }

    /** SplitMix64's finaliser: a uniform spread of consecutive indices. */
    private static long mix(long index, long salt) {
        long z = index * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
