package io.swarmkeeper.server;

import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.ConnectionIds;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.TickingClock;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.TrackerConfig;
import io.swarmkeeper.server.http.HttpServer;
import io.swarmkeeper.server.http.TrackerStats;
import io.swarmkeeper.server.udp.UdpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole tracker process: the swarm store, its UDP and HTTP listeners, and housekeeping. */
public final class TrackerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerServer.class);

    private final Tracker tracker;
    private final UdpServer udp;
    private final HttpServer http;
    private final TrackerStats stats;
    private final ScheduledExecutorService housekeeping;
    private final SecondTicker clockTicks;
    private List<InetSocketAddress> udpAddresses = List.of();
    private List<InetSocketAddress> httpAddresses = List.of();

    private TrackerServer(TrackerConfig config, TickingClock clock) {
        AnnounceConfig announce = config.announce();
        AnnouncePolicy policy = new AnnouncePolicy(announce.interval(), announce.intervalJitter(),
                announce.minInterval(), announce.numwantDefault(), announce.numwantMax(), announce.peerTimeout());
        tracker = new Tracker(new InMemorySwarmStore(announce.peerTimeout()), policy, clock);
        RequestCounters counters = new RequestCounters();
        udp = new UdpServer(config.udp(), announce, tracker,
                ConnectionIds.withRandomSecret(config.udp().connectionIdMaxAge(), clock), counters);
        stats = new TrackerStats(tracker, counters);
        http = new HttpServer(config.http(), announce, tracker, counters, stats);
        housekeeping = daemonScheduler("housekeeping");
        clockTicks = new SecondTicker(clock);
        housekeeping.scheduleWithFixedDelay(tracker::expire, announce.expireEvery(), announce.expireEvery(), TimeUnit.SECONDS);
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Binds every configured listener and returns once all are ready.
     *
     * @throws IllegalStateException naming the address if one cannot be bound; nothing stays bound
     */
    public static TrackerServer start(TrackerConfig config) {
        TrackerServer server = new TrackerServer(config, new TickingClock(Clock.SYSTEM));
        try {
            server.udpAddresses = server.udp.start();
            server.udp.meters(server.stats.registry());
            server.httpAddresses = server.http.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public List<InetSocketAddress> udpAddresses() {
        return udpAddresses;
    }

    public List<InetSocketAddress> httpAddresses() {
        return httpAddresses;
    }

    public Tracker tracker() {
        return tracker;
    }

    /** Stops accepting, lets in-flight answers go out, then stops housekeeping. */
    @Override
    public void close() {
        http.close();
        udp.close();
        housekeeping.shutdownNow();
        clockTicks.close();
        LOG.info("stopped");
    }
}
