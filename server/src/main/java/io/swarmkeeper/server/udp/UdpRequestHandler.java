package io.swarmkeeper.server.udp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
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
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers BEP 15 requests on one socket, on one event loop. Everything it needs per request (the
 * decoded announce, the reply counts, the sender) lives in fields reused for every packet, so a
 * request allocates nothing here beyond the pooled reply buffer and Netty's outgoing envelope.
 * Replies are written as requests are read and flushed once per read batch.
 *
 * <p>Silence is the answer to anything from a sender that has not proved it receives at its
 * address (no valid connection id): a forged source must not be able to aim replies at a victim.
 * A connect is answered to anyone, as BEP 15 requires; its reply is no larger than the request,
 * so it amplifies nothing.
 */
final class UdpRequestHandler extends ChannelInboundHandlerAdapter implements ConnectionIdCheck {
    /** Replies must not fragment: a 1500-byte IPv4 MTU less IP and UDP headers leaves 1472 bytes. */
    static final int MAX_IPV4_PEERS = (1472 - UdpAnnounceResponse.PEERS_OFFSET) / UdpAnnounceResponse.PEER_IPV4_LENGTH;
    /** IPv6 guarantees only its 1280-byte minimum MTU; less 48 bytes of headers leaves 1232. */
    static final int MAX_IPV6_PEERS = (1232 - UdpAnnounceResponse.PEERS_OFFSET) / UdpAnnounceResponse.PEER_IPV6_LENGTH;

    private static final Logger log = LoggerFactory.getLogger(UdpRequestHandler.class);

    private final Tracker tracker;
    private final ConnectionIds connectionIds;
    private final RequestCounters counters;
    private final boolean allowClientIp;

    private final SourceAddress source = new SourceAddress();
    private final AnnounceRequest announce = new AnnounceRequest();
    private final AnnounceReply announceReply = new AnnounceReply();
    private final ScrapeReply scrapeReply = new ScrapeReply();
    private final PeerWriter peers = new PeerWriter();

    UdpRequestHandler(Tracker tracker, ConnectionIds connectionIds, RequestCounters counters, boolean allowClientIp) {
        this.tracker = tracker;
        this.connectionIds = connectionIds;
        this.counters = counters;
        this.allowClientIp = allowClientIp;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        try {
            handle(ctx, packet.content(), packet.sender());
        } finally {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failure here is ours, not the client's; the socket stays open for everyone else.
        log.warn("UDP request failed on {}: {}", ctx.channel().localAddress(), cause.toString());
    }

    @Override
    public boolean isValid(long connectionId) {
        return source.ipv6
                ? connectionIds.isValid(connectionId, source.ipv6High, source.ipv6Low)
                : connectionIds.isValid(connectionId, source.ipv4);
    }

    private void handle(ChannelHandlerContext ctx, ByteBuf in, InetSocketAddress sender) {
        source.set(sender.getAddress());
        UdpDecodeError error = UdpRequestDecoder.decode(in, this, announce);
        Kind kind = kindOf(in);
        if (error != null) {
            count(kind, Outcome.ERROR);
            if (error.sendable()) {
                replyError(ctx, sender, UdpRequestHeader.transactionId(in), error);
            }
            return;
        }
        int transactionId = UdpRequestHeader.transactionId(in);
        switch (kind) {
            case CONNECT -> connect(ctx, sender, transactionId);
            case ANNOUNCE -> announce(ctx, sender, transactionId);
            case SCRAPE -> scrape(ctx, sender, in, transactionId);
            default -> throw new IllegalStateException("decoder accepted action " + UdpRequestHeader.action(in));
        }
    }

    private void connect(ChannelHandlerContext ctx, InetSocketAddress sender, int transactionId) {
        long id = source.ipv6
                ? connectionIds.issue(source.ipv6High, source.ipv6Low)
                : connectionIds.issue(source.ipv4);
        ByteBuf out = ctx.alloc().directBuffer(UdpConnectResponse.LENGTH);
        UdpConnectResponse.write(out, transactionId, id);
        send(ctx, out, sender);
        count(Kind.CONNECT, Outcome.OK);
    }

    private void announce(ChannelHandlerContext ctx, InetSocketAddress sender, int transactionId) {
        if (announce.port == 0) {
            count(Kind.ANNOUNCE, Outcome.ERROR);
            replyError(ctx, sender, transactionId, UdpDecodeError.PORT_ZERO);
            return;
        }
        setPeerAddress();
        int cap = source.ipv6 ? MAX_IPV6_PEERS : MAX_IPV4_PEERS;
        int peerLength = source.ipv6 ? UdpAnnounceResponse.PEER_IPV6_LENGTH : UdpAnnounceResponse.PEER_IPV4_LENGTH;
        ByteBuf out = ctx.alloc().directBuffer(UdpAnnounceResponse.PEERS_OFFSET + cap * peerLength);
        try {
            // Counts are known only after the store has seen this announce; they are patched in below.
            UdpAnnounceResponse.writeHeader(out, transactionId, 0, 0, 0);
            peers.target(out, source.ipv6);
            tracker.announce(announce, cap, false, peers, announceReply);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        } finally {
            peers.release();
        }
        out.setInt(UdpAnnounceResponse.INTERVAL_OFFSET, announceReply.interval);
        out.setInt(UdpAnnounceResponse.LEECHERS_OFFSET, announceReply.incomplete);
        out.setInt(UdpAnnounceResponse.SEEDERS_OFFSET, announceReply.complete);
        send(ctx, out, sender);
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

    private void scrape(ChannelHandlerContext ctx, InetSocketAddress sender, ByteBuf in, int transactionId) {
        int hashes = UdpScrapeRequest.infoHashCount(in);
        int length = UdpScrapeResponse.ENTRIES_OFFSET + hashes * UdpScrapeResponse.ENTRY_LENGTH;
        ByteBuf out = ctx.alloc().directBuffer(length);
        try {
            UdpScrapeResponse.writeHeader(out, transactionId);
            for (int i = 0; i < hashes; i++) {
                tracker.scrape(UdpScrapeRequest.infoHashHigh(in, i), UdpScrapeRequest.infoHashMiddle(in, i),
                        UdpScrapeRequest.infoHashLow(in, i), scrapeReply);
                UdpScrapeResponse.writeEntry(out, scrapeReply.complete, scrapeReply.downloaded, scrapeReply.incomplete);
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        send(ctx, out, sender);
        count(Kind.SCRAPE, Outcome.OK);
    }

    private void replyError(ChannelHandlerContext ctx, InetSocketAddress sender, int transactionId,
                            UdpDecodeError error) {
        ByteBuf out = ctx.alloc().directBuffer(UdpErrorResponse.length(error));
        UdpErrorResponse.write(out, transactionId, error);
        send(ctx, out, sender);
    }

    private static void send(ChannelHandlerContext ctx, ByteBuf out, InetSocketAddress recipient) {
        ctx.write(new DatagramPacket(out, recipient), ctx.voidPromise());
    }

    private void count(Kind kind, Outcome outcome) {
        counters.count(Protocol.UDP, source.ipv6 ? Family.IPV6 : Family.IPV4, kind, outcome);
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
