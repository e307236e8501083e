package io.swarmkeeper.server.http;

import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.HttpConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP tracker on 127.0.0.1 and ::1, ephemeral ports, real in-memory store; for tests. */
final class RunningTracker implements AutoCloseable {
    final HttpServer server;
    final RequestCounters counters = new RequestCounters();
    final URI ipv4;
    final URI ipv6;

    private RunningTracker(Settings settings) {
        AnnounceConfig announce = new AnnounceConfig(1800, 0, 900, 50, 200, 3600, 120, settings.allowClientIp);
        Tracker tracker = new Tracker(new InMemorySwarmStore(announce.peerTimeout()),
                new AnnouncePolicy(1800, 0, 900, 50, 200, 3600), Clock.SYSTEM);
        HttpConfig http = new HttpConfig(List.of("127.0.0.1:0", "[::1]:0"), 1, settings.maxRequestLine, settings.maxHeaders,
                settings.idleTimeout, settings.maxConnections, settings.trustedProxies, settings.scrapeMaxHashes,
                settings.fullScrape, io());
        server = new HttpServer(http, announce, tracker, counters, new TrackerStats(tracker, counters));
        List<InetSocketAddress> bound = server.start();
        ipv4 = URI.create("http://127.0.0.1:" + bound.get(0).getPort());
        ipv6 = URI.create("http://[::1]:" + bound.get(1).getPort());
    }

    /**
     * The transport under test: {@code auto} (the epoll loop where it runs), or what the build's
     * second run of these tests asks for (server/pom.xml runs them again on Netty).
     */
    static String io() {
        return System.getProperty("swarmkeeper.test.http.io", HttpIo.AUTO);
    }

    static RunningTracker start() {
        return new Settings().start();
    }

    static Settings with() {
        return new Settings();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Test-friendly knobs; the defaults are small so limits are easy to reach. */
    static final class Settings {
        int maxRequestLine = 1024;
        int maxHeaders = 2048;
        int idleTimeout = 1;
        int maxConnections = 100;
        List<String> trustedProxies = new ArrayList<>();
        int scrapeMaxHashes = 8;
        boolean fullScrape;
        boolean allowClientIp;

        Settings trustedProxy(String cidr) {
            trustedProxies.add(cidr);
            return this;
        }

        Settings fullScrape() {
            fullScrape = true;
            return this;
        }

        Settings allowClientIp() {
            allowClientIp = true;
            return this;
        }

        Settings idleTimeout(int seconds) {
            idleTimeout = seconds;
            return this;
        }

        Settings maxConnections(int n) {
            maxConnections = n;
            return this;
        }

        RunningTracker start() {
            return new RunningTracker(this);
        }
    }
}
