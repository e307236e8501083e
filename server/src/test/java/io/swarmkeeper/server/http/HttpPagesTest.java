package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpPagesTest {
    private static RunningTracker tracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start();
        Http.bencoded(tracker.ipv4, "/announce?" + Peer.of(1, 1, 7001).seeder().query());
        Http.bencoded(tracker.ipv6, "/announce?" + Peer.of(1, 2, 7002).query());
        Http.get(tracker.ipv4, "/announce?port=1");
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void health_says_ok_while_the_server_runs() {
        HttpResponse<byte[]> response = Http.get(tracker.ipv4, "/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo("ok\n");
    }

    @Test
    void stats_are_json_with_totals_and_requests_by_protocol_family_kind_and_outcome() throws Exception {
        HttpResponse<byte[]> response = Http.get(tracker.ipv4, "/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode stats = new ObjectMapper().readTree(response.body());
        assertThat(stats.get("torrents").asLong()).isEqualTo(1);
        assertThat(stats.get("peers").asLong()).isEqualTo(2);
        assertThat(stats.get("seeders").asLong()).isEqualTo(1);
        assertThat(stats.get("leechers").asLong()).isEqualTo(1);
        JsonNode http = stats.get("requests").get("http");
        assertThat(http.get("ipv4").get("announce").get("ok").asLong()).isEqualTo(1);
        assertThat(http.get("ipv4").get("announce").get("error").asLong()).isEqualTo(1);
        assertThat(http.get("ipv6").get("announce").get("ok").asLong()).isEqualTo(1);
        assertThat(stats.get("requests").get("udp").get("ipv4").get("connect").get("ok").asLong()).isZero();
    }

    @Test
    void metrics_are_prometheus_text_with_totals_and_tagged_request_counters() {
        HttpResponse<byte[]> response = Http.get(tracker.ipv6, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("swarmkeeper_torrents 1.0", "swarmkeeper_seeders 1.0")
                .contains("swarmkeeper_peers{family=\"ipv6\"} 1.0")
                .containsPattern("swarmkeeper_requests_total\\{family=\"ipv4\",kind=\"announce\",outcome=\"ok\",protocol=\"http\"} 1\\.0");
    }
}
