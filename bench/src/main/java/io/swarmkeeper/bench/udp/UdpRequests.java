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
    /**
     * Announces and scrapes are drawn this many at a time, and their peers' memory read together
     * before any is built: a peer is one of 100,000 and rarely in cache, and the processor waits
     * for a group's independent reads at once, where one read per request would wait each time.
     */
    static final int DRAWN_AHEAD = 16;

    private final TorrentSet torrents;
    private final PeerPopulation peers;
    private final int numwant;
    private final int scrapePercent;
    private final int peerLength;
    private final SplittableRandom random;
    private final LoadStats stats;
    private final AnnounceRequest announce = new AnnounceRequest();
    /** The requests drawn ahead: each its peer shifted left by one, plus 1 for a scrape. */
    private final int[] upcoming = new int[DRAWN_AHEAD];
    private int upcomingAt = DRAWN_AHEAD;
    /** The sum of what {@link #drawAhead} read, kept so the compiler keeps the reads. */
    private int warmed;

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
        } else {
            if (upcomingAt == DRAWN_AHEAD) {
                drawAhead();
            }
            int drawn = upcoming[upcomingAt++];
            int peer = drawn >>> 1;
            if ((drawn & 1) != 0) {
                id = writeScrape(lane, out, now, peer);
            } else {
                peers.nextAnnounce(peer, numwant, random, announce);
                id = lane.begin(UdpLane.ANNOUNCE, 0, now);
                UdpAnnounceRequest.write(out, lane.connectionId, id, announce);
            }
        }
        return lane.slotOf(id);
    }

    /** Draws the next {@link #DRAWN_AHEAD} requests, a scrape or an announce and its peer each, and warms the peers. */
    private void drawAhead() {
        for (int i = 0; i < DRAWN_AHEAD; i++) {
            boolean scrape = random.nextInt(100) < scrapePercent;
            upcoming[i] = random.nextInt(peers.count()) << 1 | (scrape ? 1 : 0);
        }
        // Apart from the drawing, so the reads go out back to back and their misses overlap.
        int sum = warmed;
        for (int drawn : upcoming) {
            sum += peers.warm(drawn >>> 1, (drawn & 1) != 0);
        }
        warmed = sum;
        upcomingAt = 0;
    }

    private int writeScrape(UdpLane lane, ByteBuf out, long now, int peer) {
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
