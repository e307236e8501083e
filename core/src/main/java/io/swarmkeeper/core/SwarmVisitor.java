package io.swarmkeeper.core;

/** Visits every swarm, for full scrape; called with the swarm's shard locked, so keep it short. */
@FunctionalInterface
public interface SwarmVisitor {
    void visit(long infoHashHigh, long infoHashMiddle, int infoHashLow, ScrapeReply counts);
}
