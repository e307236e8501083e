package io.swarmkeeper.server.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmkeeper.server.Transports;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class UdpListenerTest {

    @Test
    void an_ipv6_wildcard_listener_leaves_the_same_ipv4_port_free() throws Exception {
        Assumptions.assumeTrue(Transports.nativeEpoll(), "only epoll can make a socket IPv6-only");
        try (UdpTrackerFixture tracker = new UdpTrackerFixture(List.of("[::]:0"), false)) {
            int port = tracker.bound.get(0).getPort();

            // An AF_INET socket: the JDK's default socket is dual-stack and would itself claim [::].
            try (DatagramChannel ipv4 = DatagramChannel.open(StandardProtocolFamily.INET)) {
                ipv4.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));

                assertThat(((InetSocketAddress) ipv4.getLocalAddress()).getPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void an_ipv6_wildcard_listener_answers_on_the_loopback() {
        try (UdpTrackerFixture tracker = new UdpTrackerFixture(List.of("[::]:0"), false);
             UdpTestClient client = new UdpTestClient(new InetSocketAddress("::1", tracker.bound.get(0).getPort()))) {
            assertThat(client.connect()).isNotZero();
        }
    }

    @Test
    void every_event_loop_shares_the_port_the_first_socket_was_given() {
        try (UdpTrackerFixture tracker = new UdpTrackerFixture(List.of("127.0.0.1:0"), false)) {
            int port = tracker.bound.get(0).getPort();
            // Many source ports spread over the loops' sockets; every one must get an answer.
            for (int i = 0; i < 8; i++) {
                try (UdpTestClient client = new UdpTestClient(new InetSocketAddress("127.0.0.1", port))) {
                    assertThat(client.connect()).isNotZero();
                }
            }
        }
    }

    @Test
    void a_port_already_taken_fails_start_with_a_message_naming_the_address() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            String listen = "127.0.0.1:" + taken.getLocalPort();

            assertThatThrownBy(() -> new UdpTrackerFixture(List.of(listen), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot bind UDP " + listen);
        }
    }
}
