package io.swarmkeeper.server.http;

import static io.swarmkeeper.server.http.Http.bencoded;
import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.http.QueryEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpScrapeTest {
    private static RunningTracker tracker;
    private static RunningTracker fullScrapeTracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start();
        fullScrapeTracker = RunningTracker.with().fullScrape().start();
    }

    @AfterAll
    static void stop() {
        tracker.close();
        fullScrapeTracker.close();
    }

    private static Map<String, Object> files(RunningTracker on, String query) {
        return Http.dict(bencoded(on.ipv4, "/scrape" + query).get("files"));
    }

    private static Map<String, Object> file(Map<String, Object> files, int torrent) {
        return Http.dict(files.get(new String(Peer.torrent(torrent), StandardCharsets.ISO_8859_1)));
    }

    @Test
    void scraping_one_torrent_gives_its_seeders_leechers_downloads_and_downloaders() {
        bencoded(tracker.ipv4, "/announce?" + Peer.of(1, 1, 7001).seeder().query());
        bencoded(tracker.ipv4, "/announce?" + Peer.of(1, 2, 7002).query());
        bencoded(tracker.ipv4, "/announce?" + Peer.of(1, 3, 7003).event(AnnounceEvent.PAUSED).query());
        bencoded(tracker.ipv4, "/announce?" + Peer.of(1, 4, 7004).seeder().event(AnnounceEvent.COMPLETED).query());
        Map<String, Object> files = files(tracker, "?" + QueryEncoder.scrape(Peer.torrent(1)));
        assertThat(files).hasSize(1);
        assertThat(file(files, 1)).containsEntry("complete", 2L).containsEntry("incomplete", 2L)
                .containsEntry("downloaded", 1L).containsEntry("downloaders", 1L);
    }

    @Test
    void scraping_many_torrents_lists_each_once_and_unknown_ones_as_zero() {
        bencoded(tracker.ipv4, "/announce?" + Peer.of(2, 1, 7001).query());
        bencoded(tracker.ipv4, "/announce?" + Peer.of(3, 1, 7001).seeder().query());
        Map<String, Object> files = files(tracker, "?" + QueryEncoder.scrape(Peer.torrent(3), Peer.torrent(2),
                Peer.torrent(99), Peer.torrent(2)));
        assertThat(files).hasSize(3);
        assertThat(file(files, 2)).containsEntry("incomplete", 1L).containsEntry("complete", 0L);
        assertThat(file(files, 3)).containsEntry("complete", 1L).containsEntry("incomplete", 0L);
        assertThat(file(files, 99)).containsEntry("complete", 0L).containsEntry("incomplete", 0L)
                .containsEntry("downloaded", 0L).containsEntry("downloaders", 0L);
    }

    @Test
    void scraping_more_torrents_than_allowed_fails_with_a_reason() {
        byte[][] nine = new byte[9][];
        for (int i = 0; i < nine.length; i++) {
            nine[i] = Peer.torrent(10 + i);
        }
        Map<String, Object> reply = bencoded(tracker.ipv4, "/scrape?" + QueryEncoder.scrape(nine));
        assertThat(Http.text(reply.get("failure reason"))).contains("too many info_hash");
    }

    @Test
    void a_full_scrape_is_refused_unless_enabled() {
        Map<String, Object> reply = bencoded(tracker.ipv4, "/scrape");
        assertThat(Http.text(reply.get("failure reason"))).contains("full scrape is disabled");
        assertThat(Http.text(reply.get("retry in"))).isEqualTo("never");
    }

    @Test
    void a_full_scrape_lists_every_torrent_when_enabled() {
        for (int torrent = 1; torrent <= 5; torrent++) {
            bencoded(fullScrapeTracker.ipv6, "/announce?" + Peer.of(torrent, 1, 7001).query());
        }
        Map<String, Object> files = files(fullScrapeTracker, "");
        assertThat(files).hasSize(5);
        assertThat(file(files, 4)).containsEntry("incomplete", 1L);
    }
}
