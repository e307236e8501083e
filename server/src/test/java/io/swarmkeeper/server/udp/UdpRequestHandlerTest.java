package io.swarmkeeper.server.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.ConnectionIds;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler alone, on an embedded channel, where buffer ownership and flushing can be watched. */
class UdpRequestHandlerTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 6969);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

    private final ManualClock clock = new ManualClock();
    private final EmbeddedChannel channel = new EmbeddedChannel(new UdpRequestHandler(new UdpAnswers(
            new Tracker(new InMemorySwarmStore(3600), UdpTrackerFixture.POLICY, clock),
            ConnectionIds.withRandomSecret(120, clock), new RequestCounters(), false)));
    private final List<DatagramPacket> requests = new ArrayList<>();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void replies_are_written_as_requests_are_read_and_flushed_once_per_read_batch() {
        channel.pipeline().fireChannelRead(connect(1));
        channel.pipeline().fireChannelRead(connect(2));

        assertThat(channel.outboundMessages()).isEmpty();

        channel.pipeline().fireChannelReadComplete();

        assertThat(channel.outboundMessages()).hasSize(2);
        DatagramPacket first = channel.readOutbound();
        DatagramPacket second = channel.readOutbound();
        assertThat(first.recipient()).isEqualTo(CLIENT);
        assertThat(UdpConnectResponse.transactionId(first.content())).isEqualTo(1);
        assertThat(UdpConnectResponse.transactionId(second.content())).isEqualTo(2);
        first.release();
        second.release();
    }

    @Test
    void every_request_buffer_is_released_whether_answered_or_not() {
        DatagramPacket answered = connect(1);
        DatagramPacket forged = packet(buffer -> UdpRequestHeader.write(buffer, 99, 1, 1));
        DatagramPacket runt = packet(buffer -> buffer.writeByte(1));

        channel.writeInbound(answered, forged, runt);

        assertThat(requests).allSatisfy(p -> assertThat(p.refCnt()).isZero());
        assertThat(channel.outboundMessages()).hasSize(1);
    }

    @Test
    void an_ipv4_reply_stops_at_the_peers_that_fit_an_unfragmented_ethernet_packet() {
        // numwant-max far above what one packet holds, so only the packet cap can stop the reply.
        ConnectionIds ids = ConnectionIds.withRandomSecret(120, clock);
        EmbeddedChannel big = new EmbeddedChannel(new UdpRequestHandler(new UdpAnswers(
                new Tracker(new InMemorySwarmStore(3600), new AnnouncePolicy(1800, 0, 900, 50, 1000, 3600), clock),
                ids, new RequestCounters(), false)));
        long id = ids.issue(0x7F000001);
        try {
            for (int port = 1; port <= 300; port++) {
                AnnounceRequest peer = UdpTestClient.announceOf(14, port, 10);
                big.writeInbound(packet(buffer -> UdpAnnounceRequest.write(buffer, id, 1, peer)));
                ((DatagramPacket) big.readOutbound()).release();
            }
            AnnounceRequest greedy = UdpTestClient.announceOf(14, 9000, 10);
            greedy.numwant = 1000;
            big.writeInbound(packet(buffer -> UdpAnnounceRequest.write(buffer, id, 2, greedy)));

            DatagramPacket reply = big.readOutbound();
            // 1500-byte MTU less 28 bytes of IPv4 and UDP headers: 242 peers of 6 bytes after the 20-byte head.
            assertThat(UdpAnnounceResponse.peerCount(reply.content(), UdpAnnounceResponse.PEER_IPV4_LENGTH)).isEqualTo(242);
            assertThat(reply.content().readableBytes()).isLessThanOrEqualTo(1500 - 28);
            reply.release();
        } finally {
            big.finishAndReleaseAll();
        }
    }

    private DatagramPacket connect(int transactionId) {
        return packet(buffer -> UdpConnectRequest.write(buffer, transactionId));
    }

    private DatagramPacket packet(java.util.function.Consumer<ByteBuf> content) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer();
        content.accept(buffer);
        DatagramPacket packet = new DatagramPacket(buffer, SERVER, CLIENT);
        requests.add(packet);
        return packet;
    }
}
