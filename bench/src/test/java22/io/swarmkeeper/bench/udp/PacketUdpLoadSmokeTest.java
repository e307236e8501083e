package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmkeeper.bench.load.Summary;
import io.swarmkeeper.linuxnet.LoopbackXdp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generator with requests sent from an AF_PACKET ring: the responder gets them as ordinary
 * datagrams from the generator's sockets and every reply validates. Needs root and the loopback
 * settings, which the extension sets for the class and restores.
 */
@ExtendWith(LoopbackXdp.class)
class PacketUdpLoadSmokeTest {
    private static final Duration WARMUP = Duration.ofMillis(200);
    private static final Duration DURATION = Duration.ofSeconds(2);

    @Test
    void against_the_stateless_responder_every_reply_is_valid() throws Exception {
        try (StatelessResponder responder = StatelessResponder.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), UdpIo.BATCH)) {
            Summary summary = UdpLoadSmokeTest.load(responder.address(), 2, 64, UdpIo.PACKET)
                    .run("calibrate", WARMUP, DURATION, System.err);

            assertThat(summary.io()).isEqualTo("packet");
            assertThat(summary.responses()).isGreaterThan(1_000);
            assertThat(summary.announceReplies()).isPositive();
            assertThat(summary.scrapeReplies()).isPositive();
            assertThat(summary.errors()).isZero();
            assertThat(summary.lost()).isZero();
        }
    }

    @Test
    void an_ipv6_target_is_refused_with_a_message() throws Exception {
        try (StatelessResponder responder = StatelessResponder.start(
                new InetSocketAddress(InetAddress.getByName("::1"), 0), UdpIo.BATCH)) {
            UdpLoad load = UdpLoadSmokeTest.load(responder.address(), 1, 8, UdpIo.PACKET);

            assertThatThrownBy(() -> load.run("udp", WARMUP, Duration.ofMillis(300), System.err))
                    .hasStackTraceContaining("IPv4 loopback");
        }
    }
}
