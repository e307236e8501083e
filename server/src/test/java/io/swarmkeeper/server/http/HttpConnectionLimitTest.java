package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpConnectionLimitTest {

    @Test
    void a_connection_over_the_cap_gets_503_with_a_retry_hint_and_is_closed() throws Exception {
        try (RunningTracker tracker = RunningTracker.with().maxConnections(2).start();
             RawHttp first = new RawHttp(tracker.ipv4);
             RawHttp second = new RawHttp(tracker.ipv4)) {
            // Both answered, so both are counted before the third connects.
            assertThat(first.send("GET /health HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(second.send("GET /health HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
            try (RawHttp third = new RawHttp(tracker.ipv4)) {
                RawHttp.Response response = third.read();
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.bencoded()).containsEntry("retry in", 1L);
                assertThat(third.closedWithin(Duration.ofSeconds(5))).isTrue();
            }
            assertThat(first.send("GET /health HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
        }
    }
}
