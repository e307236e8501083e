package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;
import org.junit.jupiter.api.Test;

class UdpReplyCheckTest {
    private static final int IPV4 = UdpAnnounceResponse.PEER_IPV4_LENGTH;

    @Test
    void a_whole_announce_reply_within_numwant_passes() {
        ByteBuf reply = announce(3);
        assertThat(UdpReplyCheck.check(reply, UdpLane.ANNOUNCE, 0, 30, IPV4)).isNull();
        reply.release();
    }

    @Test
    void an_announce_reply_with_more_peers_than_numwant_fails() {
        ByteBuf reply = announce(3);
        assertThat(UdpReplyCheck.check(reply, UdpLane.ANNOUNCE, 0, 2, IPV4)).isEqualTo(ReplyError.TOO_MANY_PEERS);
        reply.release();
    }

    @Test
    void an_announce_reply_ending_inside_a_peer_fails() {
        ByteBuf reply = announce(1).writeByte(1);
        assertThat(UdpReplyCheck.check(reply, UdpLane.ANNOUNCE, 0, 30, IPV4)).isEqualTo(ReplyError.WRONG_LENGTH);
        reply.release();
    }

    @Test
    void a_scrape_reply_with_fewer_entries_than_hashes_asked_fails() {
        ByteBuf reply = Unpooled.buffer();
        UdpScrapeResponse.writeHeader(reply, 9);
        UdpScrapeResponse.writeEntry(reply, 1, 2, 3);
        assertThat(UdpReplyCheck.check(reply, UdpLane.SCRAPE, 1, 30, IPV4)).isNull();
        assertThat(UdpReplyCheck.check(reply, UdpLane.SCRAPE, 2, 30, IPV4)).isEqualTo(ReplyError.WRONG_ENTRY_COUNT);
        reply.release();
    }

    @Test
    void a_connect_reply_to_an_announce_is_the_wrong_action() {
        ByteBuf reply = Unpooled.buffer();
        UdpConnectResponse.write(reply, 9, 42);
        assertThat(UdpReplyCheck.check(reply, UdpLane.ANNOUNCE, 0, 30, IPV4)).isEqualTo(ReplyError.WRONG_ACTION);
        assertThat(UdpReplyCheck.check(reply, UdpLane.CONNECT, 0, 30, IPV4)).isNull();
        reply.release();
    }

    @Test
    void an_error_reply_is_counted_as_an_error() {
        ByteBuf reply = Unpooled.buffer();
        UdpErrorResponse.write(reply, 9, UdpDecodeError.UNKNOWN_EVENT);
        assertThat(UdpReplyCheck.check(reply, UdpLane.ANNOUNCE, 0, 30, IPV4)).isEqualTo(ReplyError.ERROR_REPLY);
        reply.release();
    }

    private static ByteBuf announce(int peers) {
        ByteBuf reply = Unpooled.buffer();
        UdpAnnounceResponse.writeHeader(reply, 9, 1800, peers, 0);
        for (int i = 0; i < peers; i++) {
            UdpAnnounceResponse.writePeerIpv4(reply, 0x7F000001, 6881 + i);
        }
        return reply;
    }
}
