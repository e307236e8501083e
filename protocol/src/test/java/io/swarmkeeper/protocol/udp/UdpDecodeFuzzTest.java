package io.swarmkeeper.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.AnnounceRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Untrusted bytes in, and the only possible outcomes are success or the codec's own error value:
 * no exception, no read outside the packet.
 */
class UdpDecodeFuzzTest {
    private final AnnounceRequest announce = new AnnounceRequest();

    @Property(tries = 2000)
    void random_bytes_decode_to_a_request_or_an_error_value(@ForAll("packets") byte[] bytes, @ForAll boolean idValid) {
        ByteBuf packet = Buffers.of(bytes);

        UdpDecodeError error = UdpRequestDecoder.decode(packet, id -> idValid, announce);

        if (error == null && bytes.length >= 16 && UdpRequestHeader.action(packet) == UdpAction.SCRAPE) {
            readAllInfoHashes(packet);
        }
        if (error != null && error.sendable()) {
            assertThat(idValid).isTrue();
        }
    }

    @Property(tries = 1000)
    void a_valid_announce_cut_short_or_padded_never_throws(
            @ForAll @IntRange(max = 200) int length, @ForAll @Size(max = 400) byte[] tail) {
        ByteBuf packet = Buffers.empty();
        UdpAnnounceRequest.write(packet, 1, 1, new AnnounceRequest());
        packet.writerIndex(Math.min(length, packet.writerIndex()));
        packet.writeBytes(tail);

        UdpRequestDecoder.decode(packet, id -> true, announce);

        assertThat(announce.urlDataLength).isBetween(0, AnnounceRequest.MAX_URL_DATA);
    }

    @Property(tries = 2000)
    void random_bytes_read_as_any_reply_never_throw(@ForAll("packets") byte[] bytes) {
        ByteBuf packet = Buffers.of(bytes);

        if (UdpConnectResponse.check(packet) == null) {
            UdpConnectResponse.connectionId(packet);
        }
        for (int peerLength : new int[] {UdpAnnounceResponse.PEER_IPV4_LENGTH, UdpAnnounceResponse.PEER_IPV6_LENGTH}) {
            if (UdpAnnounceResponse.check(packet, peerLength) == null) {
                UdpAnnounceResponse.seeders(packet);
                for (int i = 0; i < UdpAnnounceResponse.peerCount(packet, peerLength); i++) {
                    UdpAnnounceResponse.peerPort(packet, i, peerLength);
                }
            }
        }
        if (UdpScrapeResponse.check(packet) == null) {
            for (int i = 0; i < UdpScrapeResponse.entryCount(packet); i++) {
                UdpScrapeResponse.leechers(packet, i);
            }
        }
        if (UdpErrorResponse.check(packet) == null) {
            UdpErrorResponse.message(packet);
        }
    }

    /** Mostly random lengths and bytes, but often with a plausible action so the bodies get exercised. */
    @Provide
    Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> plausible = Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(1600)
                .flatMap(b -> Arbitraries.integers().between(0, 4).map(action -> withAction(b, action)));
        return Arbitraries.oneOf(random, plausible);
    }

    private static byte[] withAction(byte[] bytes, int action) {
        bytes[8] = bytes[9] = bytes[10] = 0;
        bytes[11] = (byte) action;
        // Replies carry their action at offset 0.
        bytes[0] = bytes[1] = bytes[2] = 0;
        bytes[3] = (byte) action;
        return bytes;
    }

    private static void readAllInfoHashes(ByteBuf packet) {
        for (int i = 0; i < UdpScrapeRequest.infoHashCount(packet); i++) {
            UdpScrapeRequest.infoHashLow(packet, i);
        }
    }
}
