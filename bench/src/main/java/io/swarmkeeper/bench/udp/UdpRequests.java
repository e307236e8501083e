package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpResponseHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import java.util.SplittableRandom;

/**
 * What a UDP worker says and how it judges the answers, apart from how packets move: the next
 * request for a socket (a connect first and every {@link #REFRESH_NANOS}, else an announce or a
 * scrape from the peer population), and the validation and counting of each reply. Allocates
 * nothing: a reused announce holder, primitive slots, the caller's buffers.
 */
final class UdpRequests {
    /** Far beyond any loopback round trip, even through a full socket buffer. */
    static final long TIMEOUT_NANOS = 1_000_000_000L;
    /** BEP 15: a client may use a connection id for one minute; asking every 30 s keeps a margin. */
    static final long REFRESH_NANOS = 30_000_000_000L;
    /** {@link #next} returns this when the socket must wait for its first connection id. */
    static final int NOTHING_TO_SEND = -1;

    private final TorrentSet torrents;
    private final PeerPopulation peers;
    private final int numwant;
    private final int scrapePercent;
    private final int peerLength;
    private final SplittableRandom random;
    private final LoadStats stats;
    private final AnnounceRequest announce = new AnnounceRequest();

    UdpRequests(TorrentSet torrents, PeerPopulation peers, int numwant, int scrapePercent, int peerLength,
                SplittableRandom random, LoadStats stats) {
        this.torrents = torrents;
        this.peers = peers;
        this.numwant = numwant;
        this.scrapePercent = scrapePercent;
        this.peerLength = peerLength;
        this.random = random;
        this.stats = stats;
    }

    /**
     * Writes the next request for {@code lane} to {@code out} and returns its slot, or
     * {@link #NOTHING_TO_SEND}. The caller must have checked {@link UdpLane#hasFreeSlot}, and
     * gives the slot back with {@link UdpLane#end} if the packet could not be sent.
     */
    int next(UdpLane lane, ByteBuf out, long now) {
        boolean refresh = !lane.hasConnectionId || now - lane.connectionIdAtNanos > REFRESH_NANOS;
        int id;
        if (refresh && !lane.connectInFlight) {
            id = lane.begin(UdpLane.CONNECT, 0, now);
            UdpConnectRequest.write(out, id);
        } else if (!lane.hasConnectionId) {
            return NOTHING_TO_SEND; // nothing else may be sent before the first connect is answered
        } else if (random.nextInt(100) < scrapePercent) {
            id = writeScrape(lane, out, now);
        } else {
            peers.nextAnnounce(random.nextInt(peers.count()), numwant, random, announce);
            id = lane.begin(UdpLane.ANNOUNCE, 0, now);
            UdpAnnounceRequest.write(out, lane.connectionId, id, announce);
        }
        return lane.slotOf(id);
    }

    private int writeScrape(UdpLane lane, ByteBuf out, long now) {
        int peer = random.nextInt(peers.count());
        int entries = peers.scrapeCount(peer);
        int id = lane.begin(UdpLane.SCRAPE, entries, now);
        UdpScrapeRequest.writeHeader(out, lane.connectionId, id);
        for (int i = 0; i < entries; i++) {
            int t = peers.scrapeTorrent(peer, i);
            UdpScrapeRequest.writeInfoHash(out, torrents.high(t), torrents.middle(t), torrents.low(t));
        }
        return id;
    }

    /** Validates and counts one reply received on {@code lane}'s socket at {@code now}. */
    void onReply(UdpLane lane, ByteBuf reply, long now) {
        if (reply.readableBytes() < UdpResponseHeader.LENGTH) {
            stats.error(ReplyError.TOO_SHORT);
            return;
        }
        int transactionId = UdpResponseHeader.transactionId(reply);
        int slot = lane.slotOf(transactionId);
        if (slot < 0) {
            if (lane.timedOut(transactionId)) {
                stats.late++;
            } else {
                stats.error(ReplyError.UNKNOWN_TRANSACTION);
            }
            return;
        }
        byte kind = lane.kind(slot);
        ReplyError error = UdpReplyCheck.check(reply, kind, lane.scrapeEntries(slot), numwant, peerLength);
        stats.latency(now - lane.sentAtNanos(slot));
        lane.end(slot);
        if (error != null) {
            stats.error(error);
            return;
        }
        switch (kind) {
            case UdpLane.CONNECT -> {
                lane.connectionId = UdpConnectResponse.connectionId(reply);
                lane.hasConnectionId = true;
                lane.connectionIdAtNanos = now;
                stats.connectReplies++;
            }
            case UdpLane.ANNOUNCE -> {
                stats.announceReplies++;
                stats.peersReturned += UdpAnnounceResponse.peerCount(reply, peerLength);
            }
            default -> stats.scrapeReplies++;
        }
    }

    /** Counts as lost, and frees, every request older than the timeout. */
    void expire(UdpLane lane, long now) {
        stats.lost += lane.expire(now - TIMEOUT_NANOS);
    }
}
