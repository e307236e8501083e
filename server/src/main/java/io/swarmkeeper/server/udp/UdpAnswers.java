package io.swarmkeeper.server.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.ConnectionIds;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;
import io.swarmkeeper.core.ScrapeReply;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.ConnectionIdCheck;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpRequestDecoder;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;

/**
 * Answers one BEP 15 request, whatever carried it: the transport sets {@link #source}, hands over
 * the datagram and an empty buffer of {@link #MAX_REPLY} bytes, and sends the buffer back to the
 * source if told to. Everything it needs per request (the decoded announce, the reply counts)
 * lives in fields reused for every packet, so one instance belongs to one thread.
 *
 * <p>Silence is the answer to anything from a sender that has not proved it receives at its
 * address (no valid connection id): a forged source must not be able to aim replies at a victim.
 * A connect is answered to anyone, as BEP 15 requires; its reply is no larger than the request,
 * so it amplifies nothing.
 */
final class UdpAnswers implements ConnectionIdCheck {
    /** Replies must not fragment: a 1500-byte IPv4 MTU less IP and UDP headers leaves 1472 bytes. */
    static final int MAX_REPLY = 1472;
    static final int MAX_IPV4_PEERS = (MAX_REPLY - UdpAnnounceResponse.PEERS_OFFSET) / UdpAnnounceResponse.PEER_IPV4_LENGTH;
    /** IPv6 guarantees only its 1280-byte minimum MTU; less 48 bytes of headers leaves 1232. */
    static final int MAX_IPV6_PEERS = (1232 - UdpAnnounceResponse.PEERS_OFFSET) / UdpAnnounceResponse.PEER_IPV6_LENGTH;

    /** The sender of the datagram being answered; the transport sets it before {@link #answer}. */
    final SourceAddress source = new SourceAddress();

    private final Tracker tracker;
    private final ConnectionIds connectionIds;
    private final RequestCounters.Local counts;
    private final boolean allowClientIp;

    private final AnnounceRequest announce = new AnnounceRequest();
    private final AnnounceReply announceReply = new AnnounceReply();
    private final ScrapeReply scrapeReply = new ScrapeReply();
    private final PeerWriter peers = new PeerWriter();

    UdpAnswers(Tracker tracker, ConnectionIds connectionIds, RequestCounters counters, boolean allowClientIp) {
        this.tracker = tracker;
        this.connectionIds = connectionIds;
        this.counts = counters.local();
        this.allowClientIp = allowClientIp;
    }

    @Override
    public boolean isValid(long connectionId) {
        return source.ipv6
                ? connectionIds.isValid(connectionId, source.ipv6High, source.ipv6Low)
                : connectionIds.isValid(connectionId, source.ipv4);
    }

    /** Writes the answer to {@code in} into {@code out}; false when the answer is silence. */
    boolean answer(ByteBuf in, ByteBuf out) {
        UdpDecodeError error = UdpRequestDecoder.decode(in, this, announce);
        Kind kind = kindOf(in);
        if (error != null) {
            count(kind, Outcome.ERROR);
            if (!error.sendable()) {
                return false;
            }
            UdpErrorResponse.write(out, UdpRequestHeader.transactionId(in), error);
            return true;
        }
        int transactionId = UdpRequestHeader.transactionId(in);
        switch (kind) {
            case CONNECT -> connect(out, transactionId);
            case ANNOUNCE -> announce(out, transactionId);
            case SCRAPE -> scrape(in, out, transactionId);
            default -> throw new IllegalStateException("decoder accepted action " + UdpRequestHeader.action(in));
        }
        return true;
    }

    private void connect(ByteBuf out, int transactionId) {
        long id = source.ipv6
                ? connectionIds.issue(source.ipv6High, source.ipv6Low)
                : connectionIds.issue(source.ipv4);
        UdpConnectResponse.write(out, transactionId, id);
        count(Kind.CONNECT, Outcome.OK);
    }

    private void announce(ByteBuf out, int transactionId) {
        if (announce.port == 0) {
            count(Kind.ANNOUNCE, Outcome.ERROR);
            UdpErrorResponse.write(out, transactionId, UdpDecodeError.PORT_ZERO);
            return;
        }
        setPeerAddress();
        int start = out.writerIndex();
        // Counts are known only after the store has seen this announce; they are patched in below.
        UdpAnnounceResponse.writeHeader(out, transactionId, 0, 0, 0);
        peers.start(source.ipv6);
        tracker.announce(announce, source.ipv6 ? MAX_IPV6_PEERS : MAX_IPV4_PEERS, false, peers, announceReply);
        peers.writeTo(out);
        out.setInt(start + UdpAnnounceResponse.INTERVAL_OFFSET, announceReply.interval);
        out.setInt(start + UdpAnnounceResponse.LEECHERS_OFFSET, announceReply.incomplete);
        out.setInt(start + UdpAnnounceResponse.SEEDERS_OFFSET, announceReply.complete);
        count(Kind.ANNOUNCE, Outcome.OK);
    }

    /**
     * The packet's source, unless the operator allows clients to name their own address. The IP
     * field is 32 bits, so it can only stand for an IPv4 sender: an IPv6 request is answered with
     * IPv6 peers and must be recorded as the IPv6 peer it is.
     */
    private void setPeerAddress() {
        if (source.ipv6) {
            announce.setPeerIpv6(source.ipv6High, source.ipv6Low);
        } else if (allowClientIp && announce.claimedIpv4Present) {
            announce.setPeerIpv4(announce.claimedIpv4);
        } else {
            announce.setPeerIpv4(source.ipv4);
        }
    }

    private void scrape(ByteBuf in, ByteBuf out, int transactionId) {
        int hashes = UdpScrapeRequest.infoHashCount(in);
        UdpScrapeResponse.writeHeader(out, transactionId);
        for (int i = 0; i < hashes; i++) {
            tracker.scrape(UdpScrapeRequest.infoHashHigh(in, i), UdpScrapeRequest.infoHashMiddle(in, i),
                    UdpScrapeRequest.infoHashLow(in, i), scrapeReply);
            UdpScrapeResponse.writeEntry(out, scrapeReply.complete, scrapeReply.downloaded, scrapeReply.incomplete);
        }
        count(Kind.SCRAPE, Outcome.OK);
    }

    private void count(Kind kind, Outcome outcome) {
        counts.count(Protocol.UDP, source.ipv6 ? Family.IPV6 : Family.IPV4, kind, outcome);
    }

    private static Kind kindOf(ByteBuf in) {
        if (in.readableBytes() < UdpRequestHeader.LENGTH) {
            return Kind.OTHER;
        }
        return switch (UdpRequestHeader.action(in)) {
            case UdpAction.CONNECT -> Kind.CONNECT;
            case UdpAction.ANNOUNCE -> Kind.ANNOUNCE;
            case UdpAction.SCRAPE -> Kind.SCRAPE;
            default -> Kind.OTHER;
        };
    }
}
