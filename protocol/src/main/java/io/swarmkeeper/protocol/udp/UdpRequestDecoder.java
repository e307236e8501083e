package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * Decides what a request packet is and whether it may be answered, in the order that keeps a
 * forged source from getting anything back: header length, then for a connect the protocol id,
 * for anything else the connection id, and only then the body.
 */
public final class UdpRequestDecoder {
    private UdpRequestDecoder() {}

    /**
     * Decodes one request. Returns null when it is a well-formed request with a valid connection id
     * (or a connect); the caller then reads {@link UdpRequestHeader#action} and
     * {@link UdpRequestHeader#transactionId}, finds an announce in {@code announce} and reads a
     * scrape's info-hashes with {@link UdpScrapeRequest}. Otherwise returns why not; a
     * {@linkplain UdpDecodeError#sendable() sendable} error came from a sender with a valid id.
     */
    public static UdpDecodeError decode(ByteBuf packet, ConnectionIdCheck ids, AnnounceRequest announce) {
        if (packet.readableBytes() < UdpRequestHeader.LENGTH) {
            return UdpDecodeError.TOO_SHORT;
        }
        int action = UdpRequestHeader.action(packet);
        if (action == UdpAction.CONNECT) {
            return UdpConnectRequest.check(packet);
        }
        if (!ids.isValid(UdpRequestHeader.connectionId(packet))) {
            return UdpDecodeError.INVALID_CONNECTION_ID;
        }
        return switch (action) {
            case UdpAction.ANNOUNCE -> UdpAnnounceRequest.decode(packet, announce);
            case UdpAction.SCRAPE -> UdpScrapeRequest.check(packet);
            default -> UdpDecodeError.UNKNOWN_ACTION;
        };
    }
}
