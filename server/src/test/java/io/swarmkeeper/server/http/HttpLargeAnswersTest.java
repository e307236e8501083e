package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers larger than the server's buffer for one read, and more of them than the kernel will
 * hold for a client that does not read: each arrives whole and in order, however slowly it reads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpLargeAnswersTest {
    /** Torrents enough for a full scrape of ~100 KB. */
    private static final int TORRENTS = 1_500;
    private static final String SCRAPE = "GET /scrape HTTP/1.1\r\n\r\n";
    private static final String HEALTH = "GET /health HTTP/1.1\r\n\r\n";

    private static RunningTracker tracker;

    @BeforeAll
    static void fill() throws Exception {
        // The idle timeout counts from the client's last request, and reading 8 MB takes a while.
        tracker = RunningTracker.with().fullScrape().idleTimeout(30).start();
        try (RawHttp client = new RawHttp(tracker.ipv4)) {
            StringBuilder announces = new StringBuilder();
            for (int t = 0; t < TORRENTS; t++) {
                announces.append("GET /announce?info_hash=").append(hash(t))
                        .append("&peer_id=-SK0001-abcdefghijkl&port=6881&uploaded=0&downloaded=0&left=5&compact=1")
                        .append(" HTTP/1.1\r\n\r\n");
            }
            client.send(announces.toString());
            for (int t = 0; t < TORRENTS; t++) {
                assertThat(client.read().status()).isEqualTo(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void a_full_scrape_larger_than_the_servers_buffers_arrives_whole() throws Exception {
        try (RawHttp client = new RawHttp(tracker.ipv4)) {
            RawHttp.Response scrape = client.send(SCRAPE).read();
            assertThat(scrape.body().length).isGreaterThan(64 << 10);
            assertEveryTorrentIn(scrape);
            // The connection goes on serving after it.
            assertThat(client.send(HEALTH).read().status()).isEqualTo(200);
        }
    }

    @Test
    void a_client_that_reads_nothing_for_a_while_still_gets_every_pipelined_answer_in_order() throws Exception {
        // 80 scrapes of ~100 KB: twice what the kernel buffers at most (4 MB sent, a 4 KB receive buffer here).
        int scrapes = 80;
        try (RawHttp client = new RawHttp(tracker.ipv4, 4096)) {
            client.send((SCRAPE + HEALTH).repeat(scrapes));
            Thread.sleep(500);
            for (int i = 0; i < scrapes; i++) {
                RawHttp.Response scrape = client.read();
                assertThat(scrape.status()).as("answer %d", 2 * i).isEqualTo(200);
                assertEveryTorrentIn(scrape);
                RawHttp.Response health = client.read();
                assertThat(new String(health.body(), StandardCharsets.US_ASCII)).as("answer %d", 2 * i + 1)
                        .isEqualTo("ok\n");
            }
        }
    }

    private static void assertEveryTorrentIn(RawHttp.Response scrape) {
        Map<String, Object> files = Http.dict(scrape.bencoded().get("files"));
        assertThat(files).hasSize(TORRENTS);
        assertThat(files.values()).allSatisfy(file -> assertThat(Http.dict(file)).containsEntry("incomplete", 1L));
    }

    /** Torrent {@code t}'s info-hash, every byte percent-encoded. */
    private static String hash(int t) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            int b = i < 2 ? (t >> (8 * i)) & 0xFF : 0xA0 + i;
            encoded.append('%').append(String.format("%02X", b));
        }
        return encoded.toString();
    }
}
