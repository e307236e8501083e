package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Requests drawn ahead in groups keep the workload's shape: its scrape share and its spread over peers. */
class UdpRequestsTest {
    private static final int REQUESTS = 20_000;

    @Test
    void about_the_scrape_share_asked_for_are_scrapes() {
        assertThat(scrapes(0)).isZero();
        assertThat(scrapes(10)).isBetween(REQUESTS / 10 - 400, REQUESTS / 10 + 400);
        assertThat(scrapes(100)).isEqualTo(REQUESTS);
    }

    @Test
    void announces_reach_every_peer_of_a_small_population() {
        TorrentSet torrents = new TorrentSet(20, 1.1, 1);
        PeerPopulation peers = new PeerPopulation(torrents, 50, 0.25, 5, 0, new SplittableRandom(2));
        UdpRequests requests = requests(torrents, peers, 0);
        UdpLane lane = connectedLane();
        ByteBuf out = Unpooled.buffer(2_048);
        boolean[] seen = new boolean[peers.count()];
        for (int i = 0; i < REQUESTS; i++) {
            out.clear();
            lane.end(requests.next(lane, out, 0));
            seen[out.getInt(UdpAnnounceRequest.KEY_OFFSET)] = true;
        }
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
    }

    private static int scrapes(int scrapePercent) {
        TorrentSet torrents = new TorrentSet(100, 1.1, 1);
        PeerPopulation peers = new PeerPopulation(torrents, 1_000, 0.25, 5, 0, new SplittableRandom(2));
        UdpRequests requests = requests(torrents, peers, scrapePercent);
        UdpLane lane = connectedLane();
        ByteBuf out = Unpooled.buffer(2_048);
        int scrapes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            out.clear();
            lane.end(requests.next(lane, out, 0));
            if (out.getInt(UdpRequestHeader.ACTION_OFFSET) == UdpAction.SCRAPE) {
                scrapes++;
            }
        }
        return scrapes;
    }

    private static UdpRequests requests(TorrentSet torrents, PeerPopulation peers, int scrapePercent) {
        return new UdpRequests(torrents, peers, 30, scrapePercent, UdpAnnounceResponse.PEER_IPV4_LENGTH,
                new SplittableRandom(3), new LoadStats());
    }

    /** A lane whose connection id is fresh at time 0, so every request is an announce or a scrape. */
    private static UdpLane connectedLane() {
        UdpLane lane = new UdpLane(4);
        lane.hasConnectionId = true;
        lane.connectionIdAtNanos = 0;
        return lane;
    }
}
