package io.swarmkeeper.core;

import static io.swarmkeeper.core.Announces.leecher;
import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The announce rules the tracker adds on top of its store: how many peers, and the intervals. */
class TrackerTest {
    static final int LOCALHOST = 0x7F000001;
    static final AnnouncePolicy POLICY = new AnnouncePolicy(1800, 120, 900, 50, 200, 3600);

    final Tracker tracker = new Tracker(new InMemorySwarmStore(3600, 16), POLICY, () -> 1_000_000);

    /** Fills torrent 1 with {@code n} leechers on 127.0.0.1. */
    void swarmOf(int n) {
        for (int port = 1; port <= n; port++) {
            tracker.announce(leecher(1, LOCALHOST, port), Integer.MAX_VALUE, false, new CollectingSink(), new AnnounceReply());
        }
    }

    CollectingSink announce(AnnounceRequest request, int packetCap, AnnounceReply reply) {
        CollectingSink sink = new CollectingSink();
        tracker.announce(request, packetCap, false, sink, reply);
        return sink;
    }

    int peersFor(int numwant, int packetCap) {
        AnnounceRequest asker = leecher(1, LOCALHOST, 60_000);
        asker.numwant = numwant;
        return announce(asker, packetCap, new AnnounceReply()).peers.size();
    }

    @Test
    void a_client_that_does_not_say_gets_the_default_of_50_peers() {
        swarmOf(300);

        assertThat(peersFor(AnnounceRequest.NUMWANT_DEFAULT, Integer.MAX_VALUE)).isEqualTo(50);
    }

    @Test
    void a_client_that_asks_for_more_than_the_cap_gets_the_cap() {
        swarmOf(300);

        assertThat(peersFor(30, Integer.MAX_VALUE)).isEqualTo(30);
        assertThat(peersFor(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(200);
    }

    @Test
    void the_transports_packet_cap_wins_over_what_the_client_asks() {
        swarmOf(300);

        assertThat(peersFor(200, 67)).isEqualTo(67);
    }

    @Test
    void the_interval_gets_a_random_jitter_within_its_bound_and_min_interval_does_not() {
        Set<Integer> intervals = new HashSet<>();
        AnnounceReply reply = new AnnounceReply();
        for (int i = 0; i < 200; i++) {
            announce(leecher(2, LOCALHOST, 1), 50, reply);
            assertThat(reply.interval).isBetween(1800, 1800 + 120);
            assertThat(reply.minInterval).isEqualTo(900);
            intervals.add(reply.interval);
        }
        // 200 draws from 121 values: a fixed interval (or a tiny spread) would give a handful.
        assertThat(intervals.size()).isGreaterThan(40);
    }
}
