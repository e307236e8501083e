package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpBadInputTest {
    private static final String HASH = "info_hash=%FF%26%25%2B%01%01%01%01%01%01%01%01%01%01%01%01%01%01%01%01";
    private static final String PEER = "peer_id=aaaaaaaaaaaaaaaaaaaa";
    private static RunningTracker tracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''|missing info_hash",
            "info_hash=short&" + PEER + "&port=1&left=0|info_hash must be 20 bytes",
            HASH + "%01&" + PEER + "&port=1&left=0|info_hash must be 20 bytes",
            HASH + "&peer_id=abc&port=1&left=0|peer_id must be 20 bytes",
            HASH + "&port=1&left=0|missing peer_id",
            HASH + "&" + PEER + "&left=0|missing port",
            HASH + "&" + PEER + "&port=0&left=0|port must be 1..65535",
            HASH + "&" + PEER + "&port=70000&left=0|port must be 1..65535",
            HASH + "&" + PEER + "&port=1&left=-1|uploaded, downloaded and left must be whole numbers 0..2^63-1",
            HASH + "&" + PEER + "&port=1&left=0&uploaded=99999999999999999999|uploaded, downloaded and left must be whole numbers 0..2^63-1",
            HASH + "&" + PEER + "&port=1&left=0&event=finished|event must be started, stopped, completed, paused or empty",
            HASH + "%G0&" + PEER + "&port=1&left=0|bad percent-encoding in query",
            HASH + "&" + PEER + "&port=1&left=0&numwant=x|numwant must be a whole number",
    })
    void a_bad_announce_gets_status_200_and_a_bencoded_failure_reason(String query, String reason) throws Exception {
        String target = query.isEmpty() ? "/announce" : "/announce?" + query;
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            RawHttp.Response response = raw.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers()).containsEntry("connection", "keep-alive");
            assertThat(response.failureReason()).isEqualTo(reason);
            RawHttp.Response next = raw.send("GET /health HTTP/1.1\r\n\r\n").read();
            assertThat(next.status()).as("the connection stays usable").isEqualTo(200);
        }
    }

    @Test
    void an_unknown_path_gets_404_with_a_bencoded_reason_that_says_never_retry() {
        HttpResponse<byte[]> response = Http.get(tracker.ipv4, "/favicon.ico");
        assertThat(response.statusCode()).isEqualTo(404);
        Map<String, Object> body = Http.decode(response.body());
        assertThat(Http.text(body.get("retry in"))).isEqualTo("never");
    }

    @Test
    void another_method_gets_405_and_the_connection_is_closed() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            RawHttp.Response response = raw.send("POST /announce HTTP/1.1\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.failureReason()).isEqualTo("only GET is supported");
            assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void an_oversized_url_gets_414() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv6)) {
            RawHttp.Response response = raw.send("GET /announce?" + "a".repeat(2000) + " HTTP/1.1\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(414);
            assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void oversized_headers_get_431() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            RawHttp.Response response = raw.send("GET /announce HTTP/1.1\r\nCookie: " + "c".repeat(3000) + "\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(431);
        }
    }

    /** Longer than the first part of a head the Netty path copies to parse (1 KB), within the limits. */
    @Test
    void a_long_head_within_the_limits_is_answered() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            raw.send("GET /announce?" + HASH + "&" + PEER + "&port=9&left=0 HTTP/1.1\r\nCookie: " + "c".repeat(1500)
                    + "\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bencoded()).containsKey("peers");
        }
    }

    @Test
    void garbage_bytes_get_400_and_the_connection_is_closed() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            RawHttp.Response response = raw.send(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0, 0, '\r', '\n', '\r', '\n'}).read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.failureReason()).isEqualTo("malformed HTTP request");
            assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void pipelined_requests_are_answered_in_order_on_one_connection() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            raw.send("GET /health HTTP/1.1\r\n\r\nGET /nowhere HTTP/1.1\r\n\r\nGET /announce?" + HASH + "&" + PEER
                    + "&port=9&left=0 HTTP/1.1\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.read().status()).isEqualTo(404);
            assertThat(raw.read().bencoded()).containsKey("peers");
        }
    }

    @Test
    void http_1_0_is_answered_and_closed_unless_it_asks_for_keep_alive() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            RawHttp.Response response = raw.send("GET /health HTTP/1.0\r\n\r\n").read();
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            raw.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(raw.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void a_client_that_half_closes_after_its_request_still_gets_the_answer() throws Exception {
        try (RawHttp raw = new RawHttp(tracker.ipv4)) {
            raw.send("GET /health HTTP/1.1\r\n\r\n").shutdownOutput();
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void a_slow_client_is_closed_after_the_idle_timeout_while_others_are_served() throws Exception {
        try (RawHttp slow = new RawHttp(tracker.ipv4)) {
            long start = System.nanoTime();
            slow.send("GET /announce?info_hash=");
            for (int i = 0; i < 3; i++) {
                assertThat(Http.get(tracker.ipv4, "/health").statusCode()).isEqualTo(200);
            }
            assertThat(slow.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void a_silent_connection_is_closed_after_the_idle_timeout() throws Exception {
        try (RawHttp silent = new RawHttp(tracker.ipv6)) {
            assertThat(silent.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void a_client_that_trickles_bytes_is_still_closed_after_the_idle_timeout() throws Exception {
        try (RawHttp trickle = new RawHttp(tracker.ipv4)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    trickle.send("a");
                } catch (java.io.IOException reset) {
                    closed = true;
                    break;
                }
                // Keep sending more often than the idle timeout; the request deadline must still fire.
                closed = trickle.closedWithin(Duration.ofMillis(300));
            }
            assertThat(closed).isTrue();
        }
    }
}
