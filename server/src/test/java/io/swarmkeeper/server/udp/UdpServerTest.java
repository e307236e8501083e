package io.swarmkeeper.server.udp;

import static io.swarmkeeper.server.udp.UdpTestClient.announceOf;
import static io.swarmkeeper.server.udp.UdpTestClient.encodeAnnounce;
import static io.swarmkeeper.server.udp.UdpTestClient.encodeScrape;
import static io.swarmkeeper.server.udp.UdpTestClient.nextTransactionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import io.swarmkeeper.protocol.udp.UdpResponseHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpServerTest {
    private static final int IPV4 = 0;
    private static final int IPV6 = 1;

    UdpTrackerFixture tracker;
    private final List<UdpTestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        tracker = new UdpTrackerFixture(List.of("127.0.0.1:0", "[::1]:0"), false, io(), xdp());
    }

    /** The transport under test; a subclass runs every test again on another. */
    String io() {
        return UdpIo.NETTY;
    }

    /** The interface XDP takes IPv4 datagrams off, or none. */
    String xdp() {
        return "";
    }

    @AfterEach
    void stop() {
        clients.forEach(UdpTestClient::close);
        tracker.close();
    }

    @Test
    void the_server_reports_the_ports_it_bound_on_both_families() {
        assertThat(tracker.bound).hasSize(2);
        assertThat(tracker.bound.get(IPV4).getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(tracker.bound.get(IPV6).getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(tracker.bound).allSatisfy(a -> assertThat(a.getPort()).isPositive());
    }

    @Test
    void two_leechers_that_announce_see_each_other() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();

        ByteBuf first = announce(client, id, announceOf(1, 6881, 100));
        ByteBuf second = announce(client, id, announceOf(1, 6882, 100));
        ByteBuf firstAgain = announce(client, id, announceOf(1, 6881, 100));

        assertThat(ipv4Peers(first)).isEmpty();
        assertThat(ipv4Peers(second)).containsExactly("127.0.0.1:6881");
        assertThat(ipv4Peers(firstAgain)).containsExactly("127.0.0.1:6882");
        assertThat(UdpAnnounceResponse.leechers(firstAgain)).isEqualTo(2);
        assertThat(UdpAnnounceResponse.seeders(firstAgain)).isZero();
        assertThat(UdpAnnounceResponse.interval(firstAgain)).isEqualTo(UdpTrackerFixture.POLICY.interval());
    }

    @Test
    void a_seeder_gets_leechers_only() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        announce(client, id, announceOf(2, 7001, 0));
        announce(client, id, announceOf(2, 7002, 50));

        ByteBuf seeder = announce(client, id, announceOf(2, 7003, 0));

        assertThat(ipv4Peers(seeder)).containsExactly("127.0.0.1:7002");
        assertThat(UdpAnnounceResponse.seeders(seeder)).isEqualTo(2);
        assertThat(UdpAnnounceResponse.leechers(seeder)).isEqualTo(1);
    }

    @Test
    void a_scrape_of_several_info_hashes_reports_each_in_the_order_asked() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        announce(client, id, announceOf(10, 7001, 0));
        announce(client, id, announceOf(11, 7002, 5));
        announce(client, id, announceOf(11, 7003, 5));
        int transactionId = nextTransactionId();

        ByteBuf reply = client.exchange(encodeScrape(id, transactionId, 11, 99, 10));

        assertThat(UdpScrapeResponse.check(reply)).isNull();
        assertThat(UdpScrapeResponse.transactionId(reply)).isEqualTo(transactionId);
        assertThat(UdpScrapeResponse.entryCount(reply)).isEqualTo(3);
        assertThat(entry(reply, 0)).containsExactly(0, 0, 2);
        assertThat(entry(reply, 1)).containsExactly(0, 0, 0);
        assertThat(entry(reply, 2)).containsExactly(1, 0, 0);
    }

    @Test
    void an_announce_with_a_forged_connection_id_gets_no_reply() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();

        client.send(encodeAnnounce(id ^ 1, nextTransactionId(), announceOf(3, 7001, 0)));

        assertThat(client.receiveOrSilence()).isNull();
    }

    @Test
    void a_scrape_with_a_forged_connection_id_gets_no_reply() {
        UdpTestClient client = client(IPV6);

        client.send(encodeScrape(0x0123_4567_89AB_CDEFL, nextTransactionId(), 1, 2));

        assertThat(client.receiveOrSilence()).isNull();
    }

    @Test
    void an_announce_with_an_expired_connection_id_gets_no_reply() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        announce(client, id, announceOf(4, 7001, 0));

        tracker.clock.advance(10 * 60);
        client.send(encodeAnnounce(id, nextTransactionId(), announceOf(4, 7001, 0)));

        assertThat(client.receiveOrSilence()).isNull();
    }

    @Test
    void a_connection_id_issued_to_one_family_is_refused_on_the_other() {
        long id = client(IPV4).connect();
        UdpTestClient ipv6 = client(IPV6);

        ipv6.send(encodeAnnounce(id, nextTransactionId(), announceOf(4, 7001, 0)));

        assertThat(ipv6.receiveOrSilence()).isNull();
    }

    @Test
    void truncated_oversized_and_random_packets_get_no_reply_and_the_server_still_answers() {
        UdpTestClient client = client(IPV4);
        Random random = new Random(15);
        ByteBuf connect = Unpooled.buffer();
        UdpConnectRequest.write(connect, 1);
        client.send(new byte[0]);
        client.send(new byte[15]);
        client.send(bytes(connect, 15));
        client.send(randomBytes(random, 16));
        client.send(randomBytes(random, 98));
        client.send(randomBytes(random, 1500));
        client.send(randomBytes(random, 9000));
        byte[] oversizedConnect = new byte[9000];
        connect.getBytes(0, oversizedConnect, 0, 16);
        oversizedConnect[0] ^= 1;
        client.send(oversizedConnect);

        // Packets from one socket reach the same server socket in order, so the first answer
        // would be to garbage if any garbage were answered.
        long id = client.connect();

        assertThat(announce(client, id, announceOf(5, 7001, 0))).isNotNull();
        assertThat(sum(Family.IPV4, Kind.OTHER, Outcome.ERROR) + sum(Family.IPV4, Kind.CONNECT, Outcome.ERROR)
                + sum(Family.IPV4, Kind.ANNOUNCE, Outcome.ERROR) + sum(Family.IPV4, Kind.SCRAPE, Outcome.ERROR))
                .isEqualTo(8);
    }

    @Test
    void an_unknown_action_with_a_valid_connection_id_gets_an_error() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        int transactionId = nextTransactionId();
        ByteBuf request = Unpooled.buffer();
        UdpRequestHeader.write(request, id, 7, transactionId);

        ByteBuf reply = client.exchange(request);

        assertError(reply, transactionId, UdpDecodeError.UNKNOWN_ACTION);
        assertThat(sum(Family.IPV4, Kind.OTHER, Outcome.ERROR)).isEqualTo(1);
    }

    @Test
    void an_unknown_action_with_an_invalid_connection_id_gets_no_reply() {
        UdpTestClient client = client(IPV4);
        ByteBuf request = Unpooled.buffer();
        UdpRequestHeader.write(request, 42, 7, nextTransactionId());

        client.send(request);

        assertThat(client.receiveOrSilence()).isNull();
    }

    @Test
    void a_scrape_of_75_info_hashes_gets_an_error() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        long[] hashes = new long[75];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i + 1;
        }
        int transactionId = nextTransactionId();

        ByteBuf reply = client.exchange(encodeScrape(id, transactionId, hashes));

        assertError(reply, transactionId, UdpDecodeError.SCRAPE_TOO_MANY_INFO_HASHES);
    }

    @Test
    void a_scrape_of_74_info_hashes_is_answered_in_full() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        long[] hashes = new long[74];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i + 1;
        }

        ByteBuf reply = client.exchange(encodeScrape(id, nextTransactionId(), hashes));

        assertThat(UdpScrapeResponse.check(reply)).isNull();
        assertThat(UdpScrapeResponse.entryCount(reply)).isEqualTo(74);
    }

    @Test
    void an_ipv6_announce_gets_eighteen_byte_peers() {
        UdpTestClient client = client(IPV6);
        long id = client.connect();
        announce(client, id, announceOf(6, 7001, 0));

        ByteBuf reply = announce(client, id, announceOf(6, 7002, 10));

        assertThat(UdpAnnounceResponse.check(reply, UdpAnnounceResponse.PEER_IPV6_LENGTH)).isNull();
        assertThat(reply.readableBytes()).isEqualTo(UdpAnnounceResponse.PEERS_OFFSET + 18);
        assertThat(UdpAnnounceResponse.peerIpv6High(reply, 0)).isZero();
        assertThat(UdpAnnounceResponse.peerIpv6Low(reply, 0)).isEqualTo(1);
        assertThat(UdpAnnounceResponse.peerPort(reply, 0, 18)).isEqualTo(7001);
        assertThat(sum(Family.IPV6, Kind.ANNOUNCE, Outcome.OK)).isEqualTo(2);
        assertThat(sum(Family.IPV6, Kind.CONNECT, Outcome.OK)).isEqualTo(1);
    }

    @Test
    void an_ipv6_reply_stops_at_the_peers_that_fit_the_ipv6_minimum_mtu() {
        UdpTestClient client = client(IPV6);
        long id = client.connect();
        for (int port = 8001; port <= 8100; port++) {
            announce(client, id, announceOf(13, port, 10));
        }
        AnnounceRequest greedy = announceOf(13, 9000, 10);
        greedy.numwant = UdpTrackerFixture.POLICY.numwantMax();

        ByteBuf reply = announce(client, id, greedy);

        // 100 candidates and numwant-max 200, but 1280 bytes less IPv6 and UDP headers hold 67.
        assertThat(UdpAnnounceResponse.peerCount(reply, UdpAnnounceResponse.PEER_IPV6_LENGTH)).isEqualTo(67);
        assertThat(reply.readableBytes()).isLessThanOrEqualTo(1280 - 40 - 8);
    }

    @Test
    void ipv4_and_ipv6_peers_are_not_mixed_in_one_reply() {
        UdpTestClient v4 = client(IPV4);
        UdpTestClient v6 = client(IPV6);
        announce(v4, v4.connect(), announceOf(7, 7001, 0));

        ByteBuf reply = announce(v6, v6.connect(), announceOf(7, 7002, 10));

        assertThat(UdpAnnounceResponse.peerCount(reply, UdpAnnounceResponse.PEER_IPV6_LENGTH)).isZero();
        assertThat(UdpAnnounceResponse.seeders(reply)).isEqualTo(1);
    }

    @Test
    void an_announce_of_port_zero_gets_an_error() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        int transactionId = nextTransactionId();

        ByteBuf reply = client.exchange(encodeAnnounce(id, transactionId, announceOf(8, 0, 0)));

        assertError(reply, transactionId, UdpDecodeError.PORT_ZERO);
        assertThat(sum(Family.IPV4, Kind.ANNOUNCE, Outcome.ERROR)).isEqualTo(1);
    }

    @Test
    void a_claimed_ip_is_ignored_when_client_ips_are_not_allowed() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        AnnounceRequest claiming = announceOf(9, 7001, 0);
        claiming.claimedIpv4Present = true;
        claiming.claimedIpv4 = 0x0A00_0001;
        announce(client, id, claiming);

        ByteBuf reply = announce(client, id, announceOf(9, 7002, 10));

        assertThat(ipv4Peers(reply)).containsExactly("127.0.0.1:7001");
    }

    @Test
    void a_claimed_ip_is_used_when_client_ips_are_allowed() {
        try (UdpTrackerFixture allowing = new UdpTrackerFixture(List.of("127.0.0.1:0"), true, io());
             UdpTestClient client = allowing.client(IPV4)) {
            long id = client.connect();
            AnnounceRequest claiming = announceOf(9, 7001, 0);
            claiming.claimedIpv4Present = true;
            claiming.claimedIpv4 = 0x0A00_0001;
            announce(client, id, claiming);

            ByteBuf reply = announce(client, id, announceOf(9, 7002, 10));

            assertThat(ipv4Peers(reply)).containsExactly("10.0.0.1:7001");
        }
    }

    @Test
    void requests_are_counted_by_family_kind_and_outcome() {
        UdpTestClient client = client(IPV4);
        long id = client.connect();
        announce(client, id, announceOf(12, 7001, 0));
        client.exchange(encodeScrape(id, nextTransactionId(), 12));
        client.send(encodeAnnounce(id ^ 1, nextTransactionId(), announceOf(12, 7001, 0)));
        client.connect();

        assertThat(sum(Family.IPV4, Kind.CONNECT, Outcome.OK)).isEqualTo(2);
        assertThat(sum(Family.IPV4, Kind.ANNOUNCE, Outcome.OK)).isEqualTo(1);
        assertThat(sum(Family.IPV4, Kind.SCRAPE, Outcome.OK)).isEqualTo(1);
        assertThat(sum(Family.IPV4, Kind.ANNOUNCE, Outcome.ERROR)).isEqualTo(1);
        assertThat(sum(Family.IPV6, Kind.CONNECT, Outcome.OK)).isZero();
    }

    private UdpTestClient client(int listener) {
        UdpTestClient client = tracker.client(listener);
        clients.add(client);
        return client;
    }

    /** Announces and returns the reply, checked to be a whole announce reply to this request. */
    private static ByteBuf announce(UdpTestClient client, long id, AnnounceRequest request) {
        int transactionId = nextTransactionId();
        ByteBuf reply = client.exchange(encodeAnnounce(id, transactionId, request));
        assertThat(UdpResponseHeader.action(reply)).as("action").isEqualTo(UdpAction.ANNOUNCE);
        assertThat(UdpAnnounceResponse.transactionId(reply)).isEqualTo(transactionId);
        return reply;
    }

    private static List<String> ipv4Peers(ByteBuf reply) {
        assertThat(UdpAnnounceResponse.check(reply, UdpAnnounceResponse.PEER_IPV4_LENGTH)).isNull();
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < UdpAnnounceResponse.peerCount(reply, 6); i++) {
            int a = UdpAnnounceResponse.peerIpv4(reply, i);
            peers.add((a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF)
                    + ":" + UdpAnnounceResponse.peerPort(reply, i, 6));
        }
        return peers;
    }

    private static int[] entry(ByteBuf reply, int index) {
        return new int[] {UdpScrapeResponse.seeders(reply, index), UdpScrapeResponse.completed(reply, index),
                UdpScrapeResponse.leechers(reply, index)};
    }

    private static void assertError(ByteBuf reply, int transactionId, UdpDecodeError expected) {
        assertThat(UdpErrorResponse.check(reply)).isNull();
        assertThat(UdpErrorResponse.transactionId(reply)).isEqualTo(transactionId);
        assertThat(UdpErrorResponse.message(reply)).isEqualTo(expected.text());
    }

    private long sum(Family family, Kind kind, Outcome outcome) {
        return tracker.counters.sum(Protocol.UDP, family, kind, outcome);
    }

    private static byte[] bytes(ByteBuf packet, int length) {
        byte[] b = new byte[length];
        packet.getBytes(0, b);
        return b;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
