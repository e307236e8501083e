package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * Swarms in this process's memory, spread over shards by info-hash so that event loops announcing
 * to different torrents rarely wait for the same lock. Peers live in primitive arrays
 * ({@link Ipv4Slots}: 8 bytes a slot); an announce allocates nothing once its swarm exists.
 */
public final class InMemorySwarmStore implements SwarmStore {
    /** Enough shards that a few dozen event loops seldom meet on one lock. */
    public static final int DEFAULT_SHARDS = 1024;

    private final SwarmShard[] shards;
    private final int shardMask;
    private final int timeoutTicks;

    public InMemorySwarmStore(int peerTimeoutSeconds) {
        this(peerTimeoutSeconds, DEFAULT_SHARDS);
    }

    public InMemorySwarmStore(int peerTimeoutSeconds, int shardCount) {
        if (peerTimeoutSeconds < PeerTables.TICK_SECONDS || peerTimeoutSeconds > PeerTables.MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("peer timeout must be " + PeerTables.TICK_SECONDS + ".."
                    + PeerTables.MAX_TIMEOUT_SECONDS + " s");
        }
        if (Integer.bitCount(shardCount) != 1) {
            throw new IllegalArgumentException("shard count must be a power of two");
        }
        shards = new SwarmShard[shardCount];
        for (int i = 0; i < shardCount; i++) {
            shards[i] = new SwarmShard();
        }
        shardMask = shardCount - 1;
        timeoutTicks = peerTimeoutSeconds / PeerTables.TICK_SECONDS;
    }

    private SwarmShard shard(long infoHashHigh) {
        return shards[(int) (infoHashHigh >>> 40) & shardMask];
    }

    @Override
    public void announce(AnnounceRequest request, int maxPeers, int maxOtherFamily, long nowSeconds,
                         PeerSink sink, AnnounceReply reply) {
        SwarmShard shard = shard(request.infoHashHigh);
        synchronized (shard) {
            shard.announce(request, PeerTables.tick(nowSeconds), maxPeers, maxOtherFamily, sink, reply);
        }
    }

    @Override
    public void scrape(long infoHashHigh, long infoHashMiddle, int infoHashLow, ScrapeReply reply) {
        SwarmShard shard = shard(infoHashHigh);
        synchronized (shard) {
            Swarm swarm = shard.find(infoHashHigh, infoHashMiddle, infoHashLow);
            if (swarm == null) {
                reply.clear();
            } else {
                swarm.counts(reply);
            }
        }
    }

    @Override
    public void forEach(SwarmVisitor visitor) {
        ScrapeReply scratch = new ScrapeReply();
        for (SwarmShard shard : shards) {
            synchronized (shard) {
                shard.forEach(visitor, scratch);
            }
        }
    }

    @Override
    public void expire(long nowSeconds) {
        int nowTick = PeerTables.tick(nowSeconds);
        for (SwarmShard shard : shards) {
            synchronized (shard) {
                shard.expire(nowTick, timeoutTicks);
            }
        }
    }

    @Override
    public SwarmTotals totals() {
        long torrents = 0;
        long seeders = 0;
        long leechers = 0;
        long ipv4 = 0;
        long ipv6 = 0;
        for (SwarmShard shard : shards) {
            synchronized (shard) {
                torrents += shard.torrents;
                seeders += shard.seeders;
                leechers += shard.leechers;
                ipv4 += shard.ipv4Peers;
                ipv6 += shard.ipv6Peers;
            }
        }
        return new SwarmTotals(torrents, seeders + leechers, seeders, leechers, ipv4, ipv6);
    }
}
