package io.swarmkeeper.server.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swarmkeeper.linuxnet.LoopbackXdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every UDP server test again with XDP on loopback: the IPv4 datagrams reach the tracker through
 * an AF_XDP socket and its answers leave through it (IPv6 ones through the batched sockets).
 */
@ExtendWith(LoopbackXdp.class)
class XdpUdpServerTest extends UdpServerTest {
    @Test
    void what_the_xdp_socket_lost_is_in_the_metrics_by_reason() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        tracker.server.meters(registry);

        assertThat(registry.find("swarmkeeper.udp.xdp.dropped").functionCounters())
                .extracting(c -> c.getId().getTag("reason"))
                .containsExactlyInAnyOrder("kernel", "ring_full", "no_free_frame", "invalid");
        assertThat(registry.find("swarmkeeper.udp.xdp.dropped").functionCounters())
                .allSatisfy(c -> assertThat(c.count()).isZero())
                .allSatisfy(c -> assertThat(c.getId().getTag("queue")).isEqualTo("0"));
        assertThat(registry.scrape()).contains("swarmkeeper_udp_xdp_dropped_total{address=\"127.0.0.1:"
                + tracker.bound.get(0).getPort() + "\",queue=\"0\",reason=\"kernel\"} 0.0");
    }

    @Override
    String io() {
        return UdpIo.BATCH;
    }

    @Override
    String xdp() {
        return "lo";
    }
}
