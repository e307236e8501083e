package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.HttpConfig;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks the claim that an announce allocates nothing in steady state, by counting the bytes this
 * thread allocates while the handler answers announces in an {@link EmbeddedChannel}.
 */
class HttpAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @Test
    void answering_announces_allocates_next_to_nothing_once_warm() throws InterruptedException {
        // Leak detection (paranoid in tests) records a stack trace per buffer; that is its cost, not ours.
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            // Netty recycles buffer objects per FastThreadLocalThread, which is what event loops are.
            long[] perAnnounce = new long[1];
            Thread loop = new FastThreadLocalThread(() -> perAnnounce[0] = measure());
            loop.start();
            loop.join(TimeUnit.SECONDS.toMillis(60));
            // Measured at about 6 bytes an announce on average (pool and queue housekeeping now and
            // then); one object per announce (a String, a byte[], an InetAddress) costs 16 or more.
            assertThat(perAnnounce[0]).isBetween(0L, 15L);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** Bytes allocated per announce once warm. */
    private static long measure() {
        RequestCounters counters = new RequestCounters();
        Tracker tracker = new Tracker(new InMemorySwarmStore(3600), new AnnouncePolicy(1800, 0, 900, 50, 200, 3600),
                Clock.SYSTEM);
        HttpConfig http = new HttpConfig(List.of("127.0.0.1:0"), 1, 4096, 8192, 15, 10, List.of(), 8, false, HttpIo.NETTY);
        AnnounceConfig announce = new AnnounceConfig(1800, 0, 900, 50, 200, 3600, 120, false);
        HttpServer.Shared shared = new HttpServer.Shared(http, announce, tracker, counters, new TrackerStats(tracker, counters));
        EmbeddedChannel channel = new FromLocalhost();
        HttpServer.addConnectionHandlers(channel.pipeline(), new ConnectionLimiter(10), shared);
        // Ten peers so replies carry peers; each request announces one of them again.
        byte[][] requests = new byte[10][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = ("GET /announce?" + Peer.of(1, i, 7000 + i).query() + " HTTP/1.1\r\nHost: t\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        announce(channel, requests, WARM_UP);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        announce(channel, requests, MEASURED);
        long perAnnounce = (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED;
        channel.finishAndReleaseAll();
        return perAnnounce;
    }

    private static void announce(EmbeddedChannel channel, byte[][] requests, int count) {
        for (int i = 0; i < count; i++) {
            byte[] request = requests[i % requests.length];
            ByteBuf in = PooledByteBufAllocator.DEFAULT.ioBuffer(request.length).writeBytes(request);
            // Straight into the pipeline: writeInbound's varargs array would be the only garbage.
            channel.pipeline().fireChannelRead(in).fireChannelReadComplete();
            ByteBuf out = channel.readOutbound();
            out.release();
        }
    }
}
