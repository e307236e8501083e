package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.HttpConfig;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpServerLifecycleTest {

    @Test
    void an_address_already_taken_fails_start_with_one_readable_line() {
        try (RunningTracker running = RunningTracker.start()) {
            HttpServer second = server("127.0.0.1:" + running.ipv4.getPort());
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot bind HTTP 127.0.0.1:" + running.ipv4.getPort());
        }
    }

    @Test
    void ipv4_and_ipv6_wildcards_share_one_port_as_the_defaults_do() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        HttpServer server = server("0.0.0.0:" + port, "[::]:" + port);
        try {
            assertThat(server.start()).hasSize(2);
            for (String host : List.of("127.0.0.1", "::1")) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), 2000);
                }
            }
        } finally {
            server.close();
        }
    }

    @Test
    void after_close_the_port_refuses_connections() {
        HttpServer server = server("127.0.0.1:0");
        int port = server.start().get(0).getPort();
        server.close();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void closing_twice_is_harmless() {
        HttpServer server = server("[::1]:0");
        assertThat(server.start()).hasSize(1);
        server.close();
        server.close();
    }

    private static HttpServer server(String... listen) {
        RequestCounters counters = new RequestCounters();
        Tracker tracker = new Tracker(new InMemorySwarmStore(3600), new AnnouncePolicy(1800, 0, 900, 50, 200, 3600),
                Clock.SYSTEM);
        return new HttpServer(new HttpConfig(List.of(listen), 1, 1024, 2048, 5, 10, List.of(), 8, false,
                RunningTracker.io()),
                new AnnounceConfig(1800, 0, 900, 50, 200, 3600, 120, false), tracker, counters,
                new TrackerStats(tracker, counters));
    }
}
