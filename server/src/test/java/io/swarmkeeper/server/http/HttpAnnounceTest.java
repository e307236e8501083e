package io.swarmkeeper.server.http;

import static io.swarmkeeper.server.http.Http.bencoded;
import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpAnnounceTest {
    private static final byte[] LOCALHOST_V6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static RunningTracker tracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.start();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    private static Map<String, Object> announce(Peer peer) {
        return bencoded(tracker.ipv4, "/announce?" + peer.query());
    }

    @Test
    void a_first_leecher_learns_the_intervals_and_counts_and_gets_no_peers() {
        Map<String, Object> reply = announce(Peer.of(1, 1, 7001).started());
        assertThat(reply).containsEntry("interval", 1800L).containsEntry("min interval", 900L)
                .containsEntry("complete", 0L).containsEntry("incomplete", 1L).containsEntry("downloaded", 0L);
        assertThat((byte[]) reply.get("peers")).isEmpty();
        assertThat(reply).doesNotContainKey("peers6");
    }

    @Test
    void two_peers_of_one_torrent_see_each_other_as_compact_peers() {
        announce(Peer.of(2, 1, 7001).started());
        Map<String, Object> second = announce(Peer.of(2, 2, 7002).started());
        assertThat((byte[]) second.get("peers")).containsExactly(127, 0, 0, 1, 7001 >> 8, 7001 & 0xFF);
        Map<String, Object> first = announce(Peer.of(2, 1, 7001));
        assertThat((byte[]) first.get("peers")).containsExactly(127, 0, 0, 1, 7002 >> 8, (byte) (7002 & 0xFF));
        assertThat(first).containsEntry("incomplete", 2L);
    }

    @Test
    void a_client_that_asks_for_compact_0_gets_a_list_of_ip_and_port_without_peer_ids() {
        announce(Peer.of(3, 1, 7001).started());
        Map<String, Object> reply = announce(Peer.of(3, 2, 7002).dictionary());
        List<Map<String, Object>> peers = Http.list(reply.get("peers"));
        assertThat(peers).hasSize(1);
        assertThat(peers.get(0)).containsOnlyKeys("ip", "port").containsEntry("port", 7001L);
        assertThat(Http.text(peers.get(0).get("ip"))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_seeder_gets_only_leechers() {
        announce(Peer.of(4, 1, 7001).seeder());
        announce(Peer.of(4, 2, 7002).seeder());
        announce(Peer.of(4, 3, 7003));
        Map<String, Object> reply = announce(Peer.of(4, 4, 7004).seeder());
        assertThat((byte[]) reply.get("peers")).containsExactly(127, 0, 0, 1, 7003 >> 8, 7003 & 0xFF);
        assertThat(reply).containsEntry("complete", 3L).containsEntry("incomplete", 1L);
    }

    @Test
    void a_stopped_peer_is_forgotten_and_no_longer_handed_out() {
        announce(Peer.of(5, 1, 7001).started());
        announce(Peer.of(5, 2, 7002).started());
        Map<String, Object> stopped = announce(Peer.of(5, 1, 7001).event(AnnounceEvent.STOPPED));
        assertThat((byte[]) stopped.get("peers")).isEmpty();
        Map<String, Object> other = announce(Peer.of(5, 2, 7002));
        assertThat((byte[]) other.get("peers")).isEmpty();
        assertThat(other).containsEntry("incomplete", 1L);
    }

    @Test
    void an_ipv6_client_gets_ipv6_peers_in_peers6_and_ipv4_peers_in_peers() {
        announce(Peer.of(6, 1, 7001));
        bencoded(tracker.ipv6, "/announce?" + Peer.of(6, 2, 7002).query());
        Map<String, Object> reply = bencoded(tracker.ipv6, "/announce?" + Peer.of(6, 3, 7003).query());
        assertThat((byte[]) reply.get("peers")).containsExactly(127, 0, 0, 1, 7001 >> 8, 7001 & 0xFF);
        byte[] peers6 = (byte[]) reply.get("peers6");
        assertThat(peers6).hasSize(18).startsWith(LOCALHOST_V6);
        assertThat(ByteBuffer.wrap(peers6, 16, 2).getShort() & 0xFFFF).isEqualTo(7002);
        Map<String, Object> v4view = announce(Peer.of(6, 1, 7001));
        assertThat((byte[]) v4view.get("peers6")).hasSize(36);
    }

    @Test
    void external_ip_is_the_address_the_tracker_saw() {
        assertThat((byte[]) announce(Peer.of(7, 1, 7001)).get("external ip")).containsExactly(127, 0, 0, 1);
        assertThat((byte[]) bencoded(tracker.ipv6, "/announce?" + Peer.of(7, 2, 7002).query()).get("external ip"))
                .containsExactly(LOCALHOST_V6);
    }

    @Test
    void x_forwarded_for_from_an_untrusted_peer_is_ignored() {
        Map<String, Object> reply = bencoded(tracker.ipv4, "/announce?" + Peer.of(8, 1, 7001).query(),
                "X-Forwarded-For", "203.0.113.7", "X-Real-IP", "203.0.113.8");
        assertThat((byte[]) reply.get("external ip")).containsExactly(127, 0, 0, 1);
    }

    @Test
    void a_claimed_ip_is_ignored_unless_the_operator_allows_it() {
        announce(Peer.of(9, 1, 7001).claimingIpv4(0x0A000001));
        Map<String, Object> reply = announce(Peer.of(9, 2, 7002));
        assertThat((byte[]) reply.get("peers")).containsExactly(127, 0, 0, 1, 7001 >> 8, 7001 & 0xFF);
    }
}
