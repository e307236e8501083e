package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;

/**
 * The stateless responder's answers, whatever socket carries them: fixed minimal replies (a
 * constant connection id, {@link #PEERS} made-up peers, zeroed scrape entries), nothing stored.
 */
final class StatelessReplies {
    /** Peers in each announce reply: enough that the generator's peer-counting path does real work. */
    static final int PEERS = 5;
    /** Any request fits: the largest, a scrape of 74 info-hashes, is 1496 bytes; so does its reply. */
    static final int BUFFER_BYTES = 2_048;
    /** A whole window of requests must fit the socket's queue, or calibration measures drops, not speed. */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;
    private static final long CONNECTION_ID = 0x534B_4341_4C49_4252L;
    private static final int INTERVAL_SECONDS = 1800;

    private StatelessReplies() {}

    /** Whether {@code request} is long enough to answer at all. */
    static boolean answerable(ByteBuf request) {
        return request.readableBytes() >= UdpRequestHeader.LENGTH;
    }

    /** Writes the answer to an {@link #answerable} request to {@code out}. */
    static void write(ByteBuf request, ByteBuf out, boolean ipv6) {
        int transactionId = UdpRequestHeader.transactionId(request);
        switch (UdpRequestHeader.action(request)) {
            case UdpAction.CONNECT -> UdpConnectResponse.write(out, transactionId, CONNECTION_ID);
            case UdpAction.ANNOUNCE -> {
                UdpAnnounceResponse.writeHeader(out, transactionId, INTERVAL_SECONDS, PEERS, 0);
                for (int i = 1; i <= PEERS; i++) {
                    if (ipv6) {
                        UdpAnnounceResponse.writePeerIpv6(out, 0, i, 6881);
                    } else {
                        UdpAnnounceResponse.writePeerIpv4(out, 0x7F00_0000 | i, 6881);
                    }
                }
            }
            case UdpAction.SCRAPE -> {
                UdpScrapeResponse.writeHeader(out, transactionId);
                for (int i = UdpScrapeRequest.infoHashCount(request); i > 0; i--) {
                    UdpScrapeResponse.writeEntry(out, 0, 0, 0);
                }
            }
            default -> UdpErrorResponse.write(out, transactionId, UdpDecodeError.UNKNOWN_ACTION);
        }
    }
}
