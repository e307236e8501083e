package io.swarmkeeper.server;

import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.TrackerConfig;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole tracker process: the swarm store, its listeners and its housekeeping. */
public final class TrackerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerServer.class);

    private final Tracker tracker;
    private final RequestCounters counters = new RequestCounters();
    private final ScheduledExecutorService housekeeping;

    private TrackerServer(TrackerConfig config) {
        AnnounceConfig announce = config.announce();
        AnnouncePolicy policy = new AnnouncePolicy(announce.interval(), announce.intervalJitter(),
                announce.minInterval(), announce.numwantDefault(), announce.numwantMax(), announce.peerTimeout());
        tracker = new Tracker(new InMemorySwarmStore(announce.peerTimeout()), policy, Clock.SYSTEM);
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(tracker::expire, announce.expireEvery(), announce.expireEvery(), TimeUnit.SECONDS);
    }

    public static TrackerServer start(TrackerConfig config) {
        return new TrackerServer(config);
    }

    public Tracker tracker() {
        return tracker;
    }

    public RequestCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        LOG.info("stopped");
    }
}
