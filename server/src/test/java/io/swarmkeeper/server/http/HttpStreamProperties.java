package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * However a client's bytes are cut into reads (one byte, a request and a half, many requests at
 * once), every request is answered once, in order, on the same connection; and a request that
 * breaks HTTP is answered after all those before it, then the connection closes.
 */
class HttpStreamProperties {
    private static RunningTracker tracker;

    @BeforeContainer
    static void start() {
        tracker = RunningTracker.with().idleTimeout(30).start();
    }

    @AfterContainer
    static void stop() {
        tracker.close();
    }

    /** A request and the status its answer must have. */
    record Exchange(String request, int status) {}

    @Provide
    Arbitrary<Exchange> exchange() {
        return Arbitraries.oneOf(
                Arbitraries.just(new Exchange("GET /health HTTP/1.1\r\n\r\n", 200)),
                Arbitraries.just(new Exchange("GET /missing HTTP/1.1\r\nHost: t\r\n\r\n", 404)),
                Arbitraries.just(new Exchange("GET /stats HTTP/1.1\r\nConnection: keep-alive\r\n\r\n", 200)),
                Arbitraries.integers().between(1, 40).map(torrent -> new Exchange(
                        "GET /announce?" + Peer.of(torrent, torrent % 7, 6000 + torrent).query()
                                + " HTTP/1.1\r\nUser-Agent: prop\r\n\r\n", 200)),
                Arbitraries.integers().between(1, 40).map(torrent -> new Exchange(
                        "GET /announce?info_hash=short HTTP/1.1\r\n\r\n", 200)));
    }

    @Property(tries = 60)
    void every_request_is_answered_in_order_however_the_bytes_are_cut(
            @ForAll @Size(min = 1, max = 30) List<@From("exchange") Exchange> exchanges,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 700) Integer> cuts) throws Exception {
        try (RawHttp client = new RawHttp(tracker.ipv4)) {
            sendCut(client, join(exchanges), cuts);
            for (int i = 0; i < exchanges.size(); i++) {
                assertThat(client.read().status()).as("answer %d of %s", i, exchanges).isEqualTo(exchanges.get(i).status());
            }
            // Still open, and nothing extra was sent.
            assertThat(client.send("GET /health HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Property(tries = 30)
    void a_request_that_breaks_http_is_answered_after_those_before_it_and_closes_the_connection(
            @ForAll @Size(max = 10) List<@From("exchange") Exchange> before,
            @ForAll @IntRange(max = 3000) int bytesAfter,
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 300) Integer> cuts) throws Exception {
        try (RawHttp client = new RawHttp(tracker.ipv4)) {
            // The bad request and whatever a pipelining client sent behind it, however cut: the
            // answers before it and its own must survive the bytes still arriving as it closes.
            String after = "GET /health HTTP/1.1\r\n\r\n".repeat(bytesAfter / 24 + 1).substring(0, bytesAfter);
            byte[] rest = ("BREW /pot HTCPCP/1.0\r\n\r\n" + after).getBytes(StandardCharsets.ISO_8859_1);
            byte[] prefix = join(before);
            byte[] all = Arrays.copyOf(prefix, prefix.length + rest.length);
            System.arraycopy(rest, 0, all, prefix.length, rest.length);
            sendCut(client, all, cuts);
            client.shutdownOutput();
            for (int i = 0; i < before.size(); i++) {
                assertThat(client.read().status()).as("answer %d", i).isEqualTo(before.get(i).status());
            }
            assertThat(client.read().status()).isEqualTo(405);
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    private static byte[] join(List<Exchange> exchanges) {
        StringBuilder all = new StringBuilder();
        exchanges.forEach(e -> all.append(e.request()));
        return all.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code bytes} in pieces of the given sizes (cycling through them), each flushed on its own. */
    private static void sendCut(RawHttp client, byte[] bytes, List<Integer> cuts) throws Exception {
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = Math.min(cuts.get(i % cuts.size()), bytes.length - at);
            byte[] piece = new byte[n];
            System.arraycopy(bytes, at, piece, 0, n);
            client.send(piece);
            at += n;
        }
    }
}
