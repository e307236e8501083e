package io.swarmkeeper.core;

/** What an announce answers besides the peers; one reused instance per event loop. */
public final class AnnounceReply {
    public int interval;
    public int minInterval;
    /** Seeders in the swarm, both families. */
    public int complete;
    /** Leechers and partial seeds in the swarm, both families. */
    public int incomplete;
    public int downloaded;
    public int peersIpv4;
    public int peersIpv6;
    /** The store's scratch for picking peers ({@link Ipv4Slots#pick}), reused like the reply. */
    final long[] pickScratch = new long[64];

    public void clear() {
        interval = minInterval = complete = incomplete = downloaded = peersIpv4 = peersIpv6 = 0;
    }
}
