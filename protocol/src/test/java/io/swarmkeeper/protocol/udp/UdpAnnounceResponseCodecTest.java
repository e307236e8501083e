package io.swarmkeeper.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.CompactPeers;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UdpAnnounceResponseCodecTest {

    @Property
    void a_peer_put_into_an_array_is_the_bytes_a_buffer_write_makes(
            @ForAll int address, @ForAll long high, @ForAll long low, @ForAll @IntRange(max = 65535) int port) {
        ByteBuf written = Buffers.empty();
        UdpAnnounceResponse.writePeerIpv4(written, address, port);
        UdpAnnounceResponse.writePeerIpv6(written, high, low, port);
        byte[] put = new byte[UdpAnnounceResponse.PEER_IPV4_LENGTH + UdpAnnounceResponse.PEER_IPV6_LENGTH];

        int end = CompactPeers.putIpv6(put, CompactPeers.putIpv4(put, 0, address, port), high, low, port);

        assertThat(end).isEqualTo(put.length);
        byte[] expected = new byte[written.readableBytes()];
        written.readBytes(expected);
        assertThat(put).isEqualTo(expected);
    }

    /** Exactly the peers' bytes, and nothing past them: the array ends where the last peer does. */
    @Property
    void peers_put_as_longs_are_the_bytes_buffer_writes_make(
            @ForAll @Size(max = 242) List<Long> peers, @ForAll @IntRange(max = 6) int at) {
        ByteBuf written = Buffers.empty();
        long[] given = new long[peers.size() + 1];
        for (int i = 0; i < peers.size(); i++) {
            long peer = peers.get(i);
            given[i] = peer;
            UdpAnnounceResponse.writePeerIpv4(written, (int) (peer >>> 16), (int) peer & 0xFFFF);
        }
        byte[] put = new byte[at + written.readableBytes()];

        int end = CompactPeers.putIpv4(put, at, given, peers.size());

        assertThat(end).isEqualTo(put.length);
        byte[] expected = new byte[put.length];
        written.readBytes(expected, at, written.readableBytes());
        assertThat(put).isEqualTo(expected);
    }

    @Property
    void an_ipv4_reply_round_trips_with_six_byte_peers(
            @ForAll int transactionId, @ForAll int interval, @ForAll int leechers, @ForAll int seeders,
            @ForAll @Size(max = 242) List<Integer> addresses, @ForAll @IntRange(max = 65535) int port) {
        ByteBuf packet = Buffers.empty();
        UdpAnnounceResponse.writeHeader(packet, transactionId, interval, leechers, seeders);
        for (int address : addresses) {
            UdpAnnounceResponse.writePeerIpv4(packet, address, port);
        }
        packet = Buffers.shifted(packet);

        assertThat(UdpAnnounceResponse.check(packet, UdpAnnounceResponse.PEER_IPV4_LENGTH)).isNull();
        assertThat(UdpAnnounceResponse.transactionId(packet)).isEqualTo(transactionId);
        assertThat(UdpAnnounceResponse.interval(packet)).isEqualTo(interval);
        assertThat(UdpAnnounceResponse.leechers(packet)).isEqualTo(leechers);
        assertThat(UdpAnnounceResponse.seeders(packet)).isEqualTo(seeders);
        assertThat(UdpAnnounceResponse.peerCount(packet, 6)).isEqualTo(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            assertThat(UdpAnnounceResponse.peerIpv4(packet, i)).isEqualTo(addresses.get(i));
            assertThat(UdpAnnounceResponse.peerPort(packet, i, 6)).isEqualTo(port);
        }
    }

    @Property
    void an_ipv6_reply_round_trips_with_eighteen_byte_peers(
            @ForAll @Size(max = 67) List<Long> halves, @ForAll @IntRange(max = 65535) int port) {
        ByteBuf packet = Buffers.empty();
        UdpAnnounceResponse.writeHeader(packet, 1, 2, 3, 4);
        for (long half : halves) {
            UdpAnnounceResponse.writePeerIpv6(packet, half, ~half, port);
        }
        packet = Buffers.shifted(packet);

        assertThat(UdpAnnounceResponse.check(packet, UdpAnnounceResponse.PEER_IPV6_LENGTH)).isNull();
        assertThat(UdpAnnounceResponse.peerCount(packet, 18)).isEqualTo(halves.size());
        for (int i = 0; i < halves.size(); i++) {
            assertThat(UdpAnnounceResponse.peerIpv6High(packet, i)).isEqualTo(halves.get(i));
            assertThat(UdpAnnounceResponse.peerIpv6Low(packet, i)).isEqualTo(~halves.get(i));
            assertThat(UdpAnnounceResponse.peerPort(packet, i, 18)).isEqualTo(port);
        }
    }

    @Test
    void a_reply_that_ends_inside_a_peer_is_refused() {
        ByteBuf packet = Buffers.empty();
        UdpAnnounceResponse.writeHeader(packet, 1, 2, 3, 4);
        UdpAnnounceResponse.writePeerIpv4(packet, 1, 2);

        assertThat(UdpAnnounceResponse.check(packet, UdpAnnounceResponse.PEER_IPV6_LENGTH))
                .isSameAs(UdpDecodeError.REPLY_PARTIAL_ENTRY);
    }
}
