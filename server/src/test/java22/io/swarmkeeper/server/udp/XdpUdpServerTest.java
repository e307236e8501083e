package io.swarmkeeper.server.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swarmkeeper.linuxnet.XdpSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every UDP server test again with XDP on loopback: the IPv4 datagrams reach the tracker through
 * an AF_XDP socket and its answers leave through it (IPv6 ones through the batched sockets). Needs
 * root, which CI runs as; loopback must accept answers routed from a local address.
 */
class XdpUdpServerTest extends UdpServerTest {
    private static final Path ROUTE_LOCALNET = Path.of("/proc/sys/net/ipv4/conf/lo/route_localnet");
    private static final Path ACCEPT_LOCAL = Path.of("/proc/sys/net/ipv4/conf/lo/accept_local");
    private static String routeLocalnet;
    private static String acceptLocal;

    @BeforeAll
    static void allowAnswersOnLoopback() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "AF_XDP needs root");
        try {
            XdpSocket.open("lo", 0, 1).close();
        } catch (IOException e) {
            // A kernel built without AF_XDP refuses the socket's address family (EAFNOSUPPORT).
            assumeFalse(e.getMessage().contains("(errno 97)"), "this kernel has no AF_XDP");
            throw e;
        }
        routeLocalnet = Files.readString(ROUTE_LOCALNET).strip();
        acceptLocal = Files.readString(ACCEPT_LOCAL).strip();
        Files.writeString(ROUTE_LOCALNET, "1");
        Files.writeString(ACCEPT_LOCAL, "1");
    }

    @AfterAll
    static void restore() throws IOException {
        if (routeLocalnet != null) {
            Files.writeString(ROUTE_LOCALNET, routeLocalnet);
            Files.writeString(ACCEPT_LOCAL, acceptLocal);
        }
    }

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
