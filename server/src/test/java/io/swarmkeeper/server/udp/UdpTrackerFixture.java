package io.swarmkeeper.server.udp;

import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.ConnectionIds;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.UdpConfig;
import java.net.InetSocketAddress;
import java.util.List;

/** A real UDP tracker on ephemeral ports, with an in-memory store and a clock the test moves. */
final class UdpTrackerFixture implements AutoCloseable {
    static final int CONNECTION_ID_MAX_AGE = 120;
    static final AnnouncePolicy POLICY = new AnnouncePolicy(1800, 0, 900, 50, 200, 3600);

    final ManualClock clock = new ManualClock();
    final RequestCounters counters = new RequestCounters();
    final UdpServer server;
    final List<InetSocketAddress> bound;

    UdpTrackerFixture(List<String> listen, boolean allowClientIp) {
        this(listen, allowClientIp, UdpIo.AUTO);
    }

    UdpTrackerFixture(List<String> listen, boolean allowClientIp, String io) {
        this(listen, allowClientIp, io, "");
    }

    UdpTrackerFixture(List<String> listen, boolean allowClientIp, String io, String xdp) {
        Tracker tracker = new Tracker(new InMemorySwarmStore(POLICY.peerTimeout()), POLICY, clock);
        ConnectionIds ids = ConnectionIds.withRandomSecret(CONNECTION_ID_MAX_AGE, clock);
        AnnounceConfig announce = new AnnounceConfig(POLICY.interval(), POLICY.intervalJitter(), POLICY.minInterval(),
                POLICY.numwantDefault(), POLICY.numwantMax(), POLICY.peerTimeout(), 60, allowClientIp);
        server = new UdpServer(new UdpConfig(listen, 2, CONNECTION_ID_MAX_AGE, io, xdp), announce, tracker, ids, counters);
        bound = server.start();
    }

    UdpTestClient client(int listener) {
        return new UdpTestClient(bound.get(listener));
    }

    @Override
    public void close() {
        server.close();
    }
}
