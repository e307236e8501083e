package io.swarmkeeper.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.bench.load.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP generator run briefly against a fixed-reply keep-alive server on loopback. */
class HttpLoadSmokeTest {
    private static final byte[] ANNOUNCE_BODY = "d8:intervali1800e5:peers6:abcdefe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCRAPE_BODY = "d5:filesdee".getBytes(StandardCharsets.US_ASCII);

    @Test
    void against_a_well_behaved_server_every_reply_is_valid() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> accept(server), "fixed-http");
            acceptor.setDaemon(true);
            acceptor.start();
            HttpLoad load = new HttpLoad(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                    1, 4, 1_000, 5_000, 30, 10, 10, 0.25, 1.1, 7, 0);

            Summary summary = load.run(Duration.ofMillis(200), Duration.ofSeconds(2), System.err);

            assertThat(summary.announceReplies()).isPositive();
            assertThat(summary.scrapeReplies()).isPositive();
            assertThat(summary.errors()).isZero();
            assertThat(summary.averagePeers()).isEqualTo(1.0);
        }
    }

    @Test
    void a_rate_caps_the_requests_sent() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> accept(server), "fixed-http");
            acceptor.setDaemon(true);
            acceptor.start();
            HttpLoad load = new HttpLoad(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                    1, 4, 1_000, 5_000, 30, 10, 10, 0.25, 1.1, 7, 200);

            Summary summary = load.run(Duration.ofMillis(200), Duration.ofSeconds(2), System.err);

            // 200/s for the 2 counted seconds, plus at most the pacer's 1 ms catch-up allowance.
            assertThat(summary.announceReplies() + summary.scrapeReplies()).isBetween(1L, 2L * 200 + 1);
            assertThat(summary.errors()).isZero();
        }
    }

    private static void accept(ServerSocket server) {
        try {
            while (true) {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "fixed-http-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // the server socket was closed: the test is over
        }
    }

    /** Answers each request head (up to its blank line) with a fixed body; scrape or announce by the path. */
    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    byte[] body = head.indexOf("GET /scrape") == 0 ? SCRAPE_BODY : ANNOUNCE_BODY;
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    head.setLength(0);
                }
            }
        } catch (IOException e) {
            // the generator closed the connection
        }
    }
}
