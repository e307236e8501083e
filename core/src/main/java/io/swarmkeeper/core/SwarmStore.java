package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * Where swarms live. Implementations are safe for concurrent use by many event loops and must
 * pass {@code SwarmStoreContract}.
 */
public interface SwarmStore {
    /**
     * Records the announcing peer (identified by its address and port, never by what it claims)
     * and writes up to {@code maxPeers} others of its own address family to {@code sink}, plus up
     * to {@code maxOtherFamily} of the other family. A seeder gets leechers only; a leecher gets
     * seeders first and never itself. {@code stopped} removes the peer and returns no peers.
     * Fills the swarm's counts in {@code reply} (counted after this announce).
     */
    void announce(AnnounceRequest request, int maxPeers, int maxOtherFamily, long nowSeconds,
                  PeerSink sink, AnnounceReply reply);

    /** Fills {@code reply} with the counts of one torrent; all zero if unknown. */
    void scrape(long infoHashHigh, long infoHashMiddle, int infoHashLow, ScrapeReply reply);

    /** Visits every known torrent (full scrape); stops early if the visitor throws. */
    void forEach(SwarmVisitor visitor);

    /** Drops peers last seen before {@code nowSeconds - peerTimeoutSeconds} and empty swarms. */
    void expire(long nowSeconds);

    SwarmTotals totals();
}
