package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpResponseHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;

/**
 * Validates a reply against the request it answers, with the protocol module's decoders: the
 * action must be the request's, the length must fit the kind, a scrape must have one entry per
 * info-hash asked, an announce no more peers than numwant, and no count may be negative.
 */
final class UdpReplyCheck {
    private UdpReplyCheck() {}

    /** Null when {@code reply} is a valid answer to a request of {@code kind} ({@link UdpLane} constants). */
    static ReplyError check(ByteBuf reply, byte kind, int scrapeEntries, int numwant, int peerLength) {
        int action = UdpResponseHeader.action(reply);
        if (action == UdpAction.ERROR) {
            return UdpErrorResponse.check(reply) == null ? ReplyError.ERROR_REPLY : ReplyError.TOO_SHORT;
        }
        // The action first: a reply of another kind is better reported as such than as too short.
        if (action != expectedAction(kind)) {
            return ReplyError.WRONG_ACTION;
        }
        return switch (kind) {
            case UdpLane.CONNECT -> connect(reply);
            case UdpLane.ANNOUNCE -> announce(reply, numwant, peerLength);
            default -> scrape(reply, scrapeEntries);
        };
    }

    private static int expectedAction(byte kind) {
        return switch (kind) {
            case UdpLane.CONNECT -> UdpAction.CONNECT;
            case UdpLane.ANNOUNCE -> UdpAction.ANNOUNCE;
            case UdpLane.SCRAPE -> UdpAction.SCRAPE;
            default -> throw new IllegalArgumentException("no request kind " + kind);
        };
    }

    private static ReplyError connect(ByteBuf reply) {
        ReplyError error = of(UdpConnectResponse.check(reply));
        if (error != null) {
            return error;
        }
        return reply.readableBytes() == UdpConnectResponse.LENGTH ? null : ReplyError.WRONG_LENGTH;
    }

    private static ReplyError announce(ByteBuf reply, int numwant, int peerLength) {
        ReplyError error = of(UdpAnnounceResponse.check(reply, peerLength));
        if (error != null) {
            return error;
        }
        if (UdpAnnounceResponse.interval(reply) < 0 || UdpAnnounceResponse.leechers(reply) < 0
                || UdpAnnounceResponse.seeders(reply) < 0) {
            return ReplyError.NEGATIVE_COUNT;
        }
        return numwant >= 0 && UdpAnnounceResponse.peerCount(reply, peerLength) > numwant
                ? ReplyError.TOO_MANY_PEERS : null;
    }

    private static ReplyError scrape(ByteBuf reply, int entries) {
        ReplyError error = of(UdpScrapeResponse.check(reply));
        if (error != null) {
            return error;
        }
        if (UdpScrapeResponse.entryCount(reply) != entries) {
            return ReplyError.WRONG_ENTRY_COUNT;
        }
        for (int i = 0; i < entries; i++) {
            if (UdpScrapeResponse.seeders(reply, i) < 0 || UdpScrapeResponse.completed(reply, i) < 0
                    || UdpScrapeResponse.leechers(reply, i) < 0) {
                return ReplyError.NEGATIVE_COUNT;
            }
        }
        return null;
    }

    /** The reply decoders' errors in the generator's terms. */
    private static ReplyError of(UdpDecodeError error) {
        if (error == null) {
            return null;
        }
        return error == UdpDecodeError.REPLY_TOO_SHORT ? ReplyError.TOO_SHORT : ReplyError.WRONG_LENGTH;
    }
}
