package io.swarmkeeper.app.e2e;

import io.swarmkeeper.protocol.InfoHash;
import io.swarmkeeper.server.TrackerServer;
import io.swarmkeeper.server.config.ConfigLoader;
import io.swarmkeeper.server.config.TrackerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Swarmkeeper itself, started in this JVM as {@code serve} would start it (the shipped
 * defaults), except that it listens on 127.0.0.1 only, on ports the kernel picks, with one
 * event loop per transport.
 */
final class SwarmkeeperInProcess implements RealClientsEndToEndTest.TrackerUnderTest {
    private final TrackerServer server;
    private final URI http;
    private final URI udp;

    private SwarmkeeperInProcess(TrackerServer server, URI http, URI udp) {
        this.server = server;
        this.http = http;
        this.udp = udp;
    }

    static SwarmkeeperInProcess start() {
        TrackerConfig config = new ConfigLoader().load(null, Map.of(), Map.of(
                "udp.listen", List.of("127.0.0.1:0"),
                "http.listen", List.of("127.0.0.1:0"),
                "udp.threads", 1,
                "http.threads", 1));
        TrackerServer server = TrackerServer.start(config);
        try {
            InetSocketAddress httpAddress = only("HTTP", server.httpAddresses());
            InetSocketAddress udpAddress = only("UDP", server.udpAddresses());
            return new SwarmkeeperInProcess(server,
                    URI.create("http://127.0.0.1:" + httpAddress.getPort() + "/announce"),
                    URI.create("udp://127.0.0.1:" + udpAddress.getPort() + "/announce"));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static InetSocketAddress only(String transport, List<InetSocketAddress> bound) {
        if (bound.size() != 1 || !bound.get(0).getAddress().isLoopbackAddress() || bound.get(0).getPort() == 0) {
            throw new IllegalStateException("Swarmkeeper's " + transport + " listener should be bound to one port on 127.0.0.1, is " + bound);
        }
        return bound.get(0);
    }

    @Override
    public URI httpAnnounce() {
        return http;
    }

    @Override
    public URI udpAnnounce() {
        return udp;
    }

    /** The swarms Swarmkeeper holds now, as a failure report would want to see them. */
    @Override
    public String diagnostics() {
        StringBuilder sb = new StringBuilder("\n----- Swarmkeeper (in process) at ").append(http).append(" and ").append(udp)
                .append(": ").append(server.tracker().totals()).append('\n');
        server.tracker().forEachSwarm((high, middle, low, counts) -> sb.append("swarm ")
                .append(InfoHash.toHex(high, middle, low)).append(": complete=").append(counts.complete)
                .append(" incomplete=").append(counts.incomplete).append(" downloaded=").append(counts.downloaded)
                .append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
