package io.swarmkeeper.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The packed peer records say what parallel arrays of fields would: ids, ports, lives, scrape lists. */
class PeerPopulationTest {
    private static final TorrentSet TORRENTS = new TorrentSet(50, 1.1, 7);

    @Property
    void a_peer_id_is_the_prefix_and_the_id_in_twelve_zero_padded_digits(
            @ForAll @IntRange(max = Integer.MAX_VALUE - 3) int idBase, @ForAll @IntRange(max = 2) int peer) {
        PeerPopulation population = new PeerPopulation(TORRENTS, 3, 0.5, 5, idBase, new SplittableRandom(1));
        AnnounceRequest announce = new AnnounceRequest();

        population.nextAnnounce(peer, 30, new SplittableRandom(2), announce);

        assertThat(new String(announce.peerId, StandardCharsets.US_ASCII))
                .isEqualTo("-SK0001-" + String.format("%012d", (long) idBase + peer));
        assertThat(announce.key).isEqualTo(idBase + peer);
    }

    @Test
    void a_peer_starts_then_reports_its_upload_growing_and_its_torrent_and_port_unchanged() {
        PeerPopulation population = new PeerPopulation(TORRENTS, 20, 0.25, 5, 0, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(4);
        AnnounceRequest announce = new AnnounceRequest();
        population.nextAnnounce(7, 30, random, announce);
        assertThat(announce.event).isEqualTo(AnnounceEvent.STARTED);
        int port = announce.port;
        long high = announce.infoHashHigh;
        assertThat(port).isBetween(1024, 65535);
        assertThat(high).isEqualTo(TORRENTS.high(population.torrent(7)));
        assertThat(announce.uploaded).isEqualTo(16_384);

        boolean stoppedOnce = false;
        for (int i = 2; i <= 2_000; i++) {
            population.nextAnnounce(7, 30, random, announce);
            assertThat(announce.uploaded).isEqualTo(16_384L * i);
            assertThat(announce.port).isEqualTo(port);
            assertThat(announce.infoHashHigh).isEqualTo(high);
            assertThat(announce.left == 0).isEqualTo(announce.downloaded != 0);
            if (stoppedOnce) {
                assertThat(announce.event).isEqualTo(AnnounceEvent.STARTED);
                stoppedOnce = false;
            } else if (announce.event == AnnounceEvent.STOPPED) {
                stoppedOnce = true;
            }
        }
    }

    @Test
    void a_leecher_that_completes_is_a_seeder_from_then_on() {
        PeerPopulation population = new PeerPopulation(TORRENTS, 1, 0, 5, 0, new SplittableRandom(5));
        SplittableRandom random = new SplittableRandom(6);
        AnnounceRequest announce = new AnnounceRequest();
        boolean completed = false;
        for (int i = 0; i < 2_000; i++) {
            population.nextAnnounce(0, 30, random, announce);
            assertThat(announce.left == 0).isEqualTo(completed || announce.event == AnnounceEvent.COMPLETED);
            completed |= announce.event == AnnounceEvent.COMPLETED;
        }
        assertThat(completed).isTrue();
    }

    @Property
    void each_peer_scrapes_one_to_max_distinct_torrents(@ForAll @IntRange(min = 1, max = 74) int maxScrape) {
        PeerPopulation population = new PeerPopulation(TORRENTS, 200, 0.25, maxScrape, 0, new SplittableRandom(8));
        for (int peer = 0; peer < population.count(); peer++) {
            int count = population.scrapeCount(peer);
            assertThat(count).isBetween(1, Math.min(maxScrape, TORRENTS.count()));
            Set<Integer> torrents = new HashSet<>();
            for (int i = 0; i < count; i++) {
                torrents.add(population.scrapeTorrent(peer, i));
            }
            assertThat(torrents).hasSize(count).allMatch(t -> t >= 0 && t < TORRENTS.count());
        }
    }

    @Test
    void warming_a_peer_changes_nothing_it_will_send() {
        PeerPopulation warmed = new PeerPopulation(TORRENTS, 10, 0.25, 5, 0, new SplittableRandom(9));
        PeerPopulation cold = new PeerPopulation(TORRENTS, 10, 0.25, 5, 0, new SplittableRandom(9));
        AnnounceRequest a = new AnnounceRequest();
        AnnounceRequest b = new AnnounceRequest();
        SplittableRandom ra = new SplittableRandom(10);
        SplittableRandom rb = new SplittableRandom(10);
        for (int i = 0; i < 100; i++) {
            warmed.warm(i % 10, i % 3 == 0);
            warmed.nextAnnounce(i % 10, 30, ra, a);
            cold.nextAnnounce(i % 10, 30, rb, b);
            assertThat(a).usingRecursiveComparison().isEqualTo(b);
        }
    }
}
