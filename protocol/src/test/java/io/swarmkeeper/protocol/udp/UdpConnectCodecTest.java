package io.swarmkeeper.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UdpConnectCodecTest {
    private static final ConnectionIdCheck NONE_VALID = id -> false;

    @Property
    void a_connect_request_decodes_to_its_transaction_id(@ForAll int transactionId) {
        ByteBuf packet = Buffers.empty();
        UdpConnectRequest.write(packet, transactionId);
        packet = Buffers.shifted(packet);

        assertThat(packet.readableBytes()).isEqualTo(UdpConnectRequest.LENGTH);
        assertThat(UdpRequestDecoder.decode(packet, NONE_VALID, null)).isNull();
        assertThat(UdpRequestHeader.action(packet)).isEqualTo(UdpAction.CONNECT);
        assertThat(UdpRequestHeader.transactionId(packet)).isEqualTo(transactionId);
    }

    @Property
    void a_connect_reply_round_trips(@ForAll int transactionId, @ForAll long connectionId) {
        ByteBuf packet = Buffers.empty();
        UdpConnectResponse.write(packet, transactionId, connectionId);
        packet = Buffers.shifted(packet);

        assertThat(UdpConnectResponse.check(packet)).isNull();
        assertThat(UdpConnectResponse.transactionId(packet)).isEqualTo(transactionId);
        assertThat(UdpConnectResponse.connectionId(packet)).isEqualTo(connectionId);
    }

    @Test
    void a_connect_without_the_protocol_id_is_refused_unanswered() {
        ByteBuf packet = Buffers.empty();
        UdpRequestHeader.write(packet, 0x41727101981L, UdpAction.CONNECT, 7);

        UdpDecodeError error = UdpRequestDecoder.decode(packet, NONE_VALID, null);

        assertThat(error).isSameAs(UdpDecodeError.NOT_A_CONNECT);
        assertThat(error.sendable()).isFalse();
    }

    @Test
    void a_connect_reply_that_is_cut_short_or_of_another_action_is_refused() {
        ByteBuf shortReply = Buffers.empty().writeInt(UdpAction.CONNECT).writeInt(1).writeInt(2);
        ByteBuf announceReply = Buffers.empty();
        UdpAnnounceResponse.writeHeader(announceReply, 1, 2, 3, 4);

        assertThat(UdpConnectResponse.check(shortReply)).isSameAs(UdpDecodeError.REPLY_TOO_SHORT);
        assertThat(UdpConnectResponse.check(announceReply)).isSameAs(UdpDecodeError.REPLY_UNEXPECTED_ACTION);
    }
}
