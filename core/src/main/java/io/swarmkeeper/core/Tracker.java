package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tracker as transports see it: announce and scrape rules over a {@link SwarmStore}. Safe for
 * concurrent use; every method is allocation-free.
 */
public final class Tracker {
    private final SwarmStore store;
    private final AnnouncePolicy policy;
    private final Clock clock;

    public Tracker(SwarmStore store, AnnouncePolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Answers an announce whose peer address the transport has already set.
     *
     * @param packetCap most peers of the asker's family the transport can fit in one reply
     * @param otherFamilyWanted whether the reply can carry the other family too (HTTP can, UDP cannot)
     */
    public void announce(AnnounceRequest request, int packetCap, boolean otherFamilyWanted,
                         PeerSink sink, AnnounceReply reply) {
        reply.clear();
        int wanted = Math.min(policy.numwant(request.numwant), packetCap);
        store.announce(request, wanted, otherFamilyWanted ? wanted : 0, clock.nowSeconds(), sink, reply);
        int jitter = policy.intervalJitter();
        reply.interval = policy.interval() + (jitter > 0 ? ThreadLocalRandom.current().nextInt(jitter + 1) : 0);
        reply.minInterval = policy.minInterval();
    }

    public void scrape(long infoHashHigh, long infoHashMiddle, int infoHashLow, ScrapeReply reply) {
        reply.clear();
        store.scrape(infoHashHigh, infoHashMiddle, infoHashLow, reply);
    }

    public void forEachSwarm(SwarmVisitor visitor) {
        store.forEach(visitor);
    }

    /** Called by the housekeeping thread, not by event loops. */
    public void expire() {
        store.expire(clock.nowSeconds());
    }

    public SwarmTotals totals() {
        return store.totals();
    }

    public AnnouncePolicy policy() {
        return policy;
    }
}
