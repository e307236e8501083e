package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Checks, over a real loopback connection, that the running transport's threads (the epoll loop,
 * or Netty's event loops in the build's second run) allocate next to nothing per announce once
 * warm: {@link HttpAllocationTest} covers Netty's handler alone, this the whole server.
 */
class HttpLoopAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @Test
    void a_keep_alive_announce_allocates_next_to_nothing_on_the_server_once_warm() throws IOException {
        // Leak detection (paranoid in tests) records a stack trace per buffer; that is its cost, not ours.
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try (RunningTracker tracker = RunningTracker.with().idleTimeout(60).start();
             Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", tracker.ipv4.getPort()), 5000);
            socket.setSoTimeout(5000);
            // Ten peers so replies carry peers; each request announces one of them again.
            byte[][] requests = new byte[10][];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = ("GET /announce?" + Peer.of(1, i, 7000 + i).query() + " HTTP/1.1\r\nHost: t\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            Client client = new Client(socket);
            client.announce(requests, WARM_UP);
            long before = serverThreadsAllocated();
            client.announce(requests, MEASURED);
            long perAnnounce = (serverThreadsAllocated() - before) / MEASURED;
            // One object per announce (a String, a byte[], a buffer) would cost 16 bytes or more.
            assertThat(perAnnounce).isBetween(0L, 15L);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** Bytes allocated so far by the HTTP transport's threads, all named "http-...". */
    private static long serverThreadsAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-")) {
                total += threads.getThreadAllocatedBytes(thread.threadId());
            }
        }
        return total;
    }

    /**
     * Sends each request and reads its whole answer (head, then Content-Length bytes) before the
     * next. Not {@link RawHttp}, which builds a String per byte of a head: fine for a few answers,
     * slow for 30,000.
     */
    private static final class Client {
        private static final byte[] CONTENT_LENGTH = "\r\nContent-Length: ".getBytes(StandardCharsets.ISO_8859_1);
        private final OutputStream out;
        private final DataInputStream in;
        private final byte[] buffer = new byte[64 << 10];

        Client(Socket socket) throws IOException {
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        }

        void announce(byte[][] requests, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                out.write(requests[i % requests.length]);
                out.flush();
                assertThat(readAnswer()).as("status line").startsWith("HTTP/1.1 200");
            }
        }

        private String readAnswer() throws IOException {
            int n = 0;
            while (n < 4 || !(buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')) {
                buffer[n++] = in.readByte();
            }
            int length = 0;
            for (int i = indexOf(buffer, n, CONTENT_LENGTH) + CONTENT_LENGTH.length; buffer[i] != '\r'; i++) {
                length = length * 10 + buffer[i] - '0';
            }
            in.readFully(buffer, n, length);
            return new String(buffer, 0, 12, StandardCharsets.ISO_8859_1);
        }

        private static int indexOf(byte[] a, int to, byte[] what) {
            outer:
            for (int i = 0; i + what.length <= to; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (a[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new AssertionError("no Content-Length in " + new String(a, 0, to, StandardCharsets.ISO_8859_1));
        }
    }
}
