package io.swarmkeeper.server.http;

import static io.swarmkeeper.server.http.Http.bencoded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tracker behind a proxy on 127.0.0.1 that also lets clients name their own address. */
class HttpProxyAndClientIpTest {
    private static RunningTracker tracker;

    @BeforeAll
    static void start() {
        tracker = RunningTracker.with().trustedProxy("127.0.0.0/8").trustedProxy("10.0.0.0/8").allowClientIp().start();
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    private static byte[] externalIp(String... headers) {
        return (byte[]) bencoded(tracker.ipv4, "/announce?" + Peer.of(1, 1, 7001).query(), headers).get("external ip");
    }

    @Test
    void x_forwarded_for_from_a_trusted_proxy_names_the_client() {
        assertThat(externalIp("X-Forwarded-For", "203.0.113.7")).containsExactly(203, 0, 113, 7);
    }

    @Test
    void the_right_most_address_that_is_not_a_trusted_proxy_is_the_client() {
        assertThat(externalIp("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.1.2.3")).containsExactly(203, 0, 113, 7);
    }

    @Test
    void an_ipv4_mapped_forwarded_address_counts_as_ipv4() {
        assertThat(externalIp("X-Forwarded-For", "::ffff:203.0.113.9")).containsExactly(203, 0, 113, 9);
    }

    @Test
    void x_real_ip_is_used_when_there_is_no_x_forwarded_for() {
        assertThat(externalIp("X-Real-IP", "2001:db8::5")).hasSize(16).startsWith(0x20, 0x01, 0x0d, (byte) 0xb8);
    }

    @Test
    void a_forwarded_value_that_does_not_parse_leaves_the_socket_address() {
        assertThat(externalIp("X-Forwarded-For", "not-an-address")).containsExactly(127, 0, 0, 1);
    }

    @Test
    void a_claimed_ip_is_recorded_when_the_operator_allows_it() {
        bencoded(tracker.ipv4, "/announce?" + Peer.of(2, 1, 7001).claimingIpv4(0x0A000001).query());
        Map<String, Object> reply = bencoded(tracker.ipv4, "/announce?" + Peer.of(2, 2, 7002).query());
        assertThat((byte[]) reply.get("peers")).containsExactly(10, 0, 0, 1, 7001 >> 8, 7001 & 0xFF);
    }
}
