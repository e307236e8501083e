package io.swarmkeeper.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UdpAnnounceRequestCodecTest {
    private static final long ID = 77;
    private static final ConnectionIdCheck IDS = id -> id == ID;

    @Property
    void an_announce_round_trips_every_field(
            @ForAll long high, @ForAll long middle, @ForAll int low, @ForAll @Size(20) byte[] peerId,
            @ForAll long downloaded, @ForAll long left, @ForAll long uploaded,
            @ForAll @IntRange(min = 0, max = 3) int event, @ForAll int claimedIp, @ForAll int key,
            @ForAll @IntRange(min = -1, max = 10_000) int numwant, @ForAll @IntRange(max = 65535) int port,
            @ForAll @Size(max = AnnounceRequest.MAX_URL_DATA) byte[] urlData, @ForAll int transactionId) {
        AnnounceRequest sent = new AnnounceRequest();
        sent.infoHashHigh = high;
        sent.infoHashMiddle = middle;
        sent.infoHashLow = low;
        System.arraycopy(peerId, 0, sent.peerId, 0, 20);
        sent.downloaded = downloaded;
        sent.left = left;
        sent.uploaded = uploaded;
        sent.event = event;
        sent.claimedIpv4Present = claimedIp != 0;
        sent.claimedIpv4 = claimedIp;
        sent.key = key;
        sent.numwant = numwant;
        sent.port = port;
        System.arraycopy(urlData, 0, sent.urlData, 0, urlData.length);
        sent.urlDataLength = urlData.length;

        ByteBuf packet = Buffers.empty();
        UdpAnnounceRequest.write(packet, ID, transactionId, sent);
        AnnounceRequest got = new AnnounceRequest();
        UdpDecodeError error = UdpRequestDecoder.decode(Buffers.shifted(packet), IDS, got);

        assertThat(error).isNull();
        assertThat(UdpRequestHeader.transactionId(packet)).isEqualTo(transactionId);
        assertThat(UdpRequestHeader.action(packet)).isEqualTo(UdpAction.ANNOUNCE);
        assertThat(new long[] {got.infoHashHigh, got.infoHashMiddle, got.infoHashLow})
                .containsExactly(high, middle, low);
        assertThat(got.peerId).isEqualTo(peerId);
        assertThat(new long[] {got.downloaded, got.left, got.uploaded}).containsExactly(downloaded, left, uploaded);
        assertThat(got.event).isEqualTo(event);
        assertThat(got.claimedIpv4Present).isEqualTo(claimedIp != 0);
        assertThat(got.claimedIpv4).isEqualTo(claimedIp);
        assertThat(got.hasKey).isTrue();
        assertThat(got.key).isEqualTo(key);
        assertThat(got.numwant).isEqualTo(numwant);
        assertThat(got.port).isEqualTo(port);
        assertThat(Arrays.copyOf(got.urlData, got.urlDataLength)).isEqualTo(urlData);
    }

    @Property
    void any_negative_numwant_means_the_default(@ForAll @IntRange(min = Integer.MIN_VALUE, max = -1) int numwant) {
        AnnounceRequest sent = new AnnounceRequest();
        sent.numwant = numwant;

        assertThat(decode(encode(sent)).numwant).isEqualTo(AnnounceRequest.NUMWANT_DEFAULT);
    }

    @Test
    void url_data_is_concatenated_across_options_with_no_ops_between_and_stops_at_end_of_options() {
        ByteBuf packet = encode(new AnnounceRequest());
        packet.writeByte(UdpAnnounceRequest.OPTION_URL_DATA).writeByte(5).writeBytes(ascii("/anno"));
        packet.writeByte(UdpAnnounceRequest.OPTION_NOP).writeByte(UdpAnnounceRequest.OPTION_NOP);
        packet.writeByte(UdpAnnounceRequest.OPTION_URL_DATA).writeByte(9).writeBytes(ascii("unce?a=b&"));
        packet.writeByte(UdpAnnounceRequest.OPTION_END).writeBytes(ascii("ignored trailing bytes"));

        AnnounceRequest got = decode(packet);

        assertThat(urlData(got)).isEqualTo("/announce?a=b&");
    }

    @Test
    void an_unknown_option_is_skipped_by_its_length() {
        ByteBuf packet = encode(new AnnounceRequest());
        packet.writeByte(0x7F).writeByte(3).writeBytes(new byte[] {2, 2, 2});
        packet.writeByte(UdpAnnounceRequest.OPTION_URL_DATA).writeByte(2).writeBytes(ascii("/x"));

        AnnounceRequest got = decode(packet);

        assertThat(urlData(got)).isEqualTo("/x");
    }

    @Test
    void an_option_without_its_length_byte_is_malformed() {
        ByteBuf packet = encode(new AnnounceRequest()).writeByte(UdpAnnounceRequest.OPTION_URL_DATA);

        assertThat(decodeError(packet)).isSameAs(UdpDecodeError.MALFORMED_OPTIONS);
    }

    @Test
    void an_option_longer_than_the_packet_is_malformed() {
        ByteBuf packet = encode(new AnnounceRequest())
                .writeByte(UdpAnnounceRequest.OPTION_URL_DATA).writeByte(10).writeBytes(ascii("/short"));

        assertThat(decodeError(packet)).isSameAs(UdpDecodeError.MALFORMED_OPTIONS);
    }

    @Test
    void url_data_beyond_the_holder_limit_is_refused() {
        ByteBuf packet = encode(new AnnounceRequest());
        for (int i = 0; i < 5; i++) {
            packet.writeByte(UdpAnnounceRequest.OPTION_URL_DATA).writeByte(255).writeZero(255);
        }

        UdpDecodeError error = decodeError(packet);

        assertThat(error).isSameAs(UdpDecodeError.URL_DATA_TOO_LONG);
        assertThat(error.sendable()).isTrue();
    }

    @Test
    void an_announce_shorter_than_98_bytes_is_refused_with_a_sendable_error() {
        ByteBuf packet = encode(new AnnounceRequest());
        packet.writerIndex(packet.writerIndex() - 1);

        UdpDecodeError error = decodeError(packet);

        assertThat(error).isSameAs(UdpDecodeError.ANNOUNCE_TOO_SHORT);
        assertThat(error.sendable()).isTrue();
    }

    @Test
    void an_event_beyond_stopped_is_refused() {
        AnnounceRequest sent = new AnnounceRequest();
        sent.event = 4;

        assertThat(decodeError(encode(sent))).isSameAs(UdpDecodeError.UNKNOWN_EVENT);
    }

    private static ByteBuf encode(AnnounceRequest request) {
        ByteBuf packet = Buffers.empty();
        UdpAnnounceRequest.write(packet, ID, 1, request);
        return packet;
    }

    private static AnnounceRequest decode(ByteBuf packet) {
        AnnounceRequest got = new AnnounceRequest();
        assertThat(UdpRequestDecoder.decode(packet, IDS, got)).isNull();
        return got;
    }

    private static UdpDecodeError decodeError(ByteBuf packet) {
        return UdpRequestDecoder.decode(packet, IDS, new AnnounceRequest());
    }

    private static String urlData(AnnounceRequest request) {
        return new String(request.urlData, 0, request.urlDataLength, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
