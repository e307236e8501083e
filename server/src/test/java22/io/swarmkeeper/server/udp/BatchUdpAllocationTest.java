package io.swarmkeeper.server.udp;

import static io.swarmkeeper.server.udp.UdpTestClient.announceOf;
import static io.swarmkeeper.server.udp.UdpTestClient.encodeAnnounce;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that the batched UDP transport answers announces without allocating once warm, over a
 * real socket: the bytes its threads allocate while a client announces, divided by the announces.
 */
class BatchUdpAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void answering_announces_allocates_nothing_once_warm() {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try (UdpTrackerFixture tracker = tracker(); UdpTestClient client = tracker.client(0)) {
            long connectionId = client.connect();
            // Ten peers of one torrent, announcing again and again: the store stops growing at once.
            byte[][] requests = new byte[10][];
            for (int i = 0; i < requests.length; i++) {
                var packet = encodeAnnounce(connectionId, 77 + i, announceOf(42, 7000 + i, 100));
                requests[i] = new byte[packet.readableBytes()];
                packet.readBytes(requests[i]);
            }
            announce(client, requests, WARM_UP);
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] ids = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("udp-")).mapToLong(Thread::threadId).toArray();
            assertThat(ids).isNotEmpty();
            long before = allocated(threads, ids);
            announce(client, requests, MEASURED);
            long perAnnounce = (allocated(threads, ids) - before) / MEASURED;
            // One object per datagram (a segment, a buffer, an address) would cost 16 bytes or more.
            assertThat(perAnnounce).isBetween(0L, 7L);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** The tracker under test; a subclass measures another transport. */
    UdpTrackerFixture tracker() {
        return new UdpTrackerFixture(List.of("127.0.0.1:0"), false, UdpIo.BATCH);
    }

    private static long allocated(com.sun.management.ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(ids)) {
            sum += bytes;
        }
        return sum;
    }

    private static void announce(UdpTestClient client, byte[][] requests, int count) {
        for (int i = 0; i < count; i++) {
            client.send(requests[i % requests.length]);
            assertThat(client.receive(5_000)).as("reply %d", i).isNotNull();
        }
    }
}
