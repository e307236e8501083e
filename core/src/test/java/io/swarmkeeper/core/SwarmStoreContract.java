package io.swarmkeeper.core;

import static io.swarmkeeper.core.Announces.ipv4;
import static io.swarmkeeper.core.Announces.ipv6;
import static io.swarmkeeper.core.Announces.leecher;
import static io.swarmkeeper.core.Announces.seeder;
import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link SwarmStore} must do; each implementation's test extends this class. */
abstract class SwarmStoreContract {
    static final int TIMEOUT = 3600;
    static final long T0 = 1_000_000;
    static final int LOCALHOST = 0x7F000001;

    abstract SwarmStore newStore(int peerTimeoutSeconds);

    final SwarmStore store = newStore(TIMEOUT);

    CollectingSink announce(AnnounceRequest request, int max) {
        return announce(request, max, 0, T0);
    }

    CollectingSink announce(AnnounceRequest request, int max, int maxOther, long now) {
        CollectingSink sink = new CollectingSink();
        store.announce(request, max, maxOther, now, sink, new AnnounceReply());
        return sink;
    }

    ScrapeReply scrape(long torrent) {
        AnnounceRequest key = leecher(torrent, 0, 1);
        ScrapeReply reply = new ScrapeReply();
        store.scrape(key.infoHashHigh, key.infoHashMiddle, key.infoHashLow, reply);
        return reply;
    }

    @Test
    void a_first_announce_creates_the_swarm_and_counts_the_peer() {
        announce(leecher(1, LOCALHOST, 6881), 50);

        assertThat(scrape(1).incomplete).isEqualTo(1);
        assertThat(store.totals().torrents()).isEqualTo(1);
    }

    @Test
    void a_leecher_never_gets_itself_back() {
        assertThat(announce(leecher(1, LOCALHOST, 6881), 50).peers).isEmpty();
        assertThat(announce(leecher(1, LOCALHOST, 6881), 50).peers).isEmpty();
    }

    @Test
    void a_reannouncing_peer_is_updated_not_duplicated() {
        announce(leecher(1, LOCALHOST, 6881), 50);
        announce(leecher(1, LOCALHOST, 6881), 50);
        announce(seeder(1, LOCALHOST, 6881), 50);

        ScrapeReply counts = scrape(1);
        assertThat(counts.complete).isEqualTo(1);
        assertThat(counts.incomplete).isZero();
        assertThat(store.totals().peers()).isEqualTo(1);
    }

    @Test
    void peers_are_told_apart_by_address_and_port_not_by_what_they_claim() {
        AnnounceRequest first = leecher(1, LOCALHOST, 6881);
        first.peerId[0] = 'A';
        AnnounceRequest impostor = leecher(1, LOCALHOST, 6881);
        impostor.peerId[0] = 'B';
        announce(first, 50);
        announce(impostor, 50);
        announce(leecher(1, LOCALHOST, 6882), 50);

        assertThat(scrape(1).incomplete).isEqualTo(2);
    }

    @Test
    void stopped_removes_the_peer_and_returns_no_peers() {
        announce(seeder(1, LOCALHOST, 1), 50);
        announce(leecher(1, LOCALHOST, 2), 50);

        CollectingSink reply = announce(ipv4(1, LOCALHOST, 2, 10, AnnounceEvent.STOPPED), 50);

        assertThat(reply.peers).isEmpty();
        assertThat(scrape(1).incomplete).isZero();
        assertThat(scrape(1).complete).isEqualTo(1);
    }

    @Test
    void stopped_for_an_unknown_torrent_creates_nothing() {
        announce(ipv4(9, LOCALHOST, 2, 10, AnnounceEvent.STOPPED), 50);

        assertThat(store.totals().torrents()).isZero();
    }

    @Test
    void completed_counts_a_download_once() {
        announce(leecher(1, LOCALHOST, 1), 50);
        announce(ipv4(1, LOCALHOST, 1, 0, AnnounceEvent.COMPLETED), 50);
        announce(ipv4(1, LOCALHOST, 1, 0, AnnounceEvent.COMPLETED), 50);

        assertThat(scrape(1).downloaded).isEqualTo(1);
        assertThat(scrape(1).complete).isEqualTo(1);
    }

    @Test
    void a_seeder_is_sent_leechers_only() {
        announce(seeder(1, LOCALHOST, 1), 50);
        announce(seeder(1, LOCALHOST, 2), 50);
        announce(leecher(1, LOCALHOST, 3), 50);

        assertThat(announce(seeder(1, LOCALHOST, 4), 50).peers).containsExactly("127.0.0.1:3");
    }

    @Test
    void a_leecher_gets_seeders_first() {
        for (int port = 1; port <= 5; port++) {
            announce(leecher(1, LOCALHOST, port), 50);
        }
        announce(seeder(1, LOCALHOST, 100), 50);

        assertThat(announce(leecher(1, LOCALHOST, 200), 1).peers).containsExactly("127.0.0.1:100");
    }

    @Test
    void no_more_than_the_asked_number_of_peers_is_returned() {
        for (int port = 1; port <= 30; port++) {
            announce(leecher(1, LOCALHOST, port), 50);
        }

        assertThat(announce(leecher(1, LOCALHOST, 999), 7).peers).hasSize(7);
        assertThat(announce(leecher(1, LOCALHOST, 998), 0).peers).isEmpty();
    }

    @Test
    void the_peers_returned_are_spread_over_the_swarm() {
        for (int port = 1; port <= 1000; port++) {
            announce(leecher(1, LOCALHOST, port), 0);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.addAll(announce(leecher(1, LOCALHOST, 5000 + i), 10).peers);
        }
        // 100 answers of 10 peers from a random place each: the first ten peers alone would give 10.
        assertThat(seen.size()).isGreaterThan(400);
    }

    @Test
    void peers_that_stop_announcing_expire_after_the_timeout() {
        announce(leecher(1, LOCALHOST, 1), 50, 0, T0);
        announce(leecher(1, LOCALHOST, 2), 50, 0, T0 + TIMEOUT - 100);

        store.expire(T0 + TIMEOUT + 60);

        assertThat(scrape(1).incomplete).isEqualTo(1);
        assertThat(announce(leecher(1, LOCALHOST, 3), 50, 0, T0 + TIMEOUT + 60).peers).containsExactly("127.0.0.1:2");
    }

    @Test
    void a_swarm_whose_peers_all_expired_is_forgotten() {
        announce(leecher(1, LOCALHOST, 1), 50, 0, T0);

        store.expire(T0 + TIMEOUT + 60);

        assertThat(store.totals().torrents()).isZero();
        assertThat(store.totals().peers()).isZero();
    }

    @Test
    void peers_of_the_askers_family_come_first_and_the_other_family_only_when_asked() {
        announce(ipv6(1, 7, 1, 0, AnnounceEvent.STARTED), 50);
        announce(seeder(1, LOCALHOST, 2), 50);

        assertThat(announce(leecher(1, LOCALHOST, 3), 50).peers).containsExactly("127.0.0.1:2");
        assertThat(announce(ipv6(1, 8, 4, 10, AnnounceEvent.STARTED), 50).peers).containsExactly("[20010db800000000:7]:1");
        assertThat(announce(ipv6(1, 9, 5, 10, AnnounceEvent.STARTED), 50, 50, T0).peers)
                .containsExactlyInAnyOrder("[20010db800000000:7]:1", "[20010db800000000:8]:4", "127.0.0.1:2", "127.0.0.1:3");
        assertThat(store.totals().peersIpv6()).isEqualTo(3);
        assertThat(store.totals().peersIpv4()).isEqualTo(2);
    }

    @Test
    void partial_seeds_are_incomplete_but_not_downloaders_and_seeders_do_not_get_them() {
        announce(ipv4(1, LOCALHOST, 1, 500, AnnounceEvent.PAUSED), 50);
        announce(leecher(1, LOCALHOST, 2), 50);

        ScrapeReply counts = scrape(1);
        assertThat(counts.incomplete).isEqualTo(2);
        assertThat(counts.downloaders).isEqualTo(1);
        assertThat(announce(seeder(1, LOCALHOST, 3), 50).peers).containsExactly("127.0.0.1:2");
        assertThat(announce(leecher(1, LOCALHOST, 4), 50).peers).contains("127.0.0.1:1");
    }

    @Test
    void expired_partial_seeds_are_no_longer_counted() {
        announce(ipv4(1, LOCALHOST, 1, 500, AnnounceEvent.PAUSED), 50, 0, T0);
        announce(ipv4(1, LOCALHOST, 2, 500, AnnounceEvent.PAUSED), 50, 0, T0 + TIMEOUT - 100);
        announce(leecher(1, LOCALHOST, 3), 50, 0, T0);
        announce(leecher(1, LOCALHOST, 4), 50, 0, T0 + TIMEOUT - 100);

        store.expire(T0 + TIMEOUT + 60);

        ScrapeReply counts = scrape(1);
        assertThat(counts.incomplete).isEqualTo(2);
        assertThat(counts.downloaders).isEqualTo(1);
    }

    @Test
    void an_unknown_torrent_scrapes_as_zeros() {
        ScrapeReply counts = scrape(42);
        assertThat(counts.complete + counts.incomplete + counts.downloaded + counts.downloaders).isZero();
    }

    @Test
    void a_large_swarm_keeps_every_peer_and_loses_them_all_on_stop() {
        for (int i = 0; i < 20_000; i++) {
            announce(leecher(1, LOCALHOST + (i >>> 16), 1 + (i & 0x7FFF)), 0);
        }
        assertThat(scrape(1).incomplete).isEqualTo(20_000);

        for (int i = 0; i < 20_000; i++) {
            announce(ipv4(1, LOCALHOST + (i >>> 16), 1 + (i & 0x7FFF), 1, AnnounceEvent.STOPPED), 0);
        }
        assertThat(scrape(1).incomplete).isZero();
        assertThat(store.totals().peers()).isZero();
    }

    @Test
    void full_iteration_visits_every_torrent_once() {
        for (int torrent = 1; torrent <= 100; torrent++) {
            announce(leecher(torrent, LOCALHOST, 1), 0);
        }
        Set<Integer> seen = new HashSet<>();
        store.forEach((high, middle, low, counts) -> assertThat(seen.add(low)).isTrue());
        assertThat(seen).hasSize(100);
    }
}
