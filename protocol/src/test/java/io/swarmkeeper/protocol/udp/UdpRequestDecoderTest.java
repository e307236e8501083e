package io.swarmkeeper.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.AnnounceRequest;
import org.junit.jupiter.api.Test;

class UdpRequestDecoderTest {
    private static final long GOOD_ID = 0x1234_5678_9ABC_DEF0L;
    private static final ConnectionIdCheck IDS = id -> id == GOOD_ID;
    private final AnnounceRequest announce = new AnnounceRequest();

    @Test
    void a_packet_shorter_than_a_header_is_not_answered() {
        UdpDecodeError error = UdpRequestDecoder.decode(Buffers.of(new byte[15]), IDS, announce);

        assertThat(error).isSameAs(UdpDecodeError.TOO_SHORT);
        assertThat(error.sendable()).isFalse();
    }

    @Test
    void a_request_with_a_forged_connection_id_is_not_answered_whatever_it_holds() {
        for (int action = 1; action <= 5; action++) {
            ByteBuf packet = Buffers.empty();
            UdpRequestHeader.write(packet, GOOD_ID + 1, action, 1);

            UdpDecodeError error = UdpRequestDecoder.decode(packet, IDS, announce);

            assertThat(error).isSameAs(UdpDecodeError.INVALID_CONNECTION_ID);
            assertThat(error.sendable()).isFalse();
        }
    }

    @Test
    void an_unknown_action_from_a_sender_with_a_valid_id_is_answered_with_an_error() {
        ByteBuf packet = Buffers.empty();
        UdpRequestHeader.write(packet, GOOD_ID, 9, 1);

        UdpDecodeError error = UdpRequestDecoder.decode(packet, IDS, announce);

        assertThat(error).isSameAs(UdpDecodeError.UNKNOWN_ACTION);
        assertThat(error.sendable()).isTrue();
    }

    @Test
    void an_error_reply_carries_the_pre_encoded_message() {
        ByteBuf packet = Buffers.empty();
        UdpErrorResponse.write(packet, 42, UdpDecodeError.UNKNOWN_ACTION);
        packet = Buffers.shifted(packet);

        assertThat(packet.readableBytes()).isEqualTo(UdpErrorResponse.length(UdpDecodeError.UNKNOWN_ACTION));
        assertThat(UdpErrorResponse.check(packet)).isNull();
        assertThat(UdpErrorResponse.transactionId(packet)).isEqualTo(42);
        assertThat(UdpErrorResponse.message(packet)).isEqualTo(UdpDecodeError.UNKNOWN_ACTION.text());
    }
}
