package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.HttpConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that the epoll loop answers announces without allocating once warm, over a real socket:
 * the bytes its thread allocates while a keep-alive client announces, divided by the announces.
 */
class EpollHttpAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void answering_announces_allocates_next_to_nothing_once_warm() throws Exception {
        // Leak detection (paranoid in tests) records a stack trace per buffer; that is its cost, not ours.
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        RequestCounters counters = new RequestCounters();
        Tracker tracker = new Tracker(new InMemorySwarmStore(3600), new AnnouncePolicy(1800, 0, 900, 50, 200, 3600),
                Clock.SYSTEM);
        HttpConfig http = new HttpConfig(List.of("127.0.0.1:0"), 1, 4096, 8192, 60, 10, List.of(), 8, false, HttpIo.EPOLL);
        HttpServer server = new HttpServer(http, new AnnounceConfig(1800, 0, 900, 50, 200, 3600, 120, false), tracker,
                counters, new TrackerStats(tracker, counters));
        try {
            int port = server.start().get(0).getPort();
            long loop = loopThreadId("http-" + port + "-0");
            // Ten peers so replies carry peers; each request announces one of them again.
            byte[][] requests = new byte[10][];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = ("GET /announce?" + Peer.of(1, i, 7000 + i).query() + " HTTP/1.1\r\nHost: t\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            try (RawHttp client = new RawHttp(URI.create("http://127.0.0.1:" + port))) {
                announce(client, requests, WARM_UP);
                com.sun.management.ThreadMXBean threads =
                        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long before = threads.getThreadAllocatedBytes(loop);
                announce(client, requests, MEASURED);
                long perAnnounce = (threads.getThreadAllocatedBytes(loop) - before) / MEASURED;
                // One object per announce (a String, a byte[], a segment) would cost 16 bytes or more.
                assertThat(perAnnounce).isBetween(0L, 15L);
            }
        } finally {
            server.close();
            ResourceLeakDetector.setLevel(level);
        }
    }

    private static long loopThreadId(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread " + name)).threadId();
    }

    private static void announce(RawHttp client, byte[][] requests, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(client.send(requests[i % requests.length]).read().status()).isEqualTo(200);
        }
    }
}
