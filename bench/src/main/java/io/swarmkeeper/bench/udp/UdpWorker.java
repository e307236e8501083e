package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.LoadWorker;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.ThreadCost;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpResponseHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One thread of UDP load: a few connected non-blocking sockets, each keeping its share of the
 * window in flight. It polls the sockets in turn, validates each reply, and answers it with the
 * next request on the same socket, so the window stays full without a timer. Nothing is
 * allocated per request: one direct buffer each way, a reused announce holder, primitive slots.
 *
 * <p>Each socket connects first (BEP 15) and refreshes its connection id well inside the minute
 * a client may use one. A request without a reply within {@link #TIMEOUT_NANOS} is counted lost
 * and its slot reused.
 */
public final class UdpWorker implements LoadWorker {
    /** Far beyond any loopback round trip, even through a full socket buffer. */
    static final long TIMEOUT_NANOS = 1_000_000_000L;
    /** BEP 15: a client may use a connection id for one minute; asking every 30 s keeps a margin. */
    static final long REFRESH_NANOS = 30_000_000_000L;
    /** Housekeeping (timeouts, warm-up end, progress) runs this often, not per packet. */
    private static final long HOUSEKEEPING_NANOS = 10_000_000L;
    /** Replies read from one socket before turning to the next, so no socket starves the others. */
    private static final int READ_BATCH = 32;
    /**
     * Empty polling passes before the worker sleeps in epoll: spinning a little catches replies
     * that are microseconds away; sleeping after that keeps an idle generator off the CPU, so its
     * CPU time per response measures its cost rather than its waiting.
     */
    private static final int SPIN_PASSES = 64;
    /** The longest sleep in epoll: housekeeping and the end of the run must not wait for replies. */
    private static final long SELECT_MILLIS = 1;
    /** The largest datagram IPv4 or IPv6 can carry; any reply fits. */
    private static final int RECEIVE_BYTES = 65_536;
    /** The largest request: a scrape of 74 info-hashes is 1496 bytes. */
    private static final int SEND_BYTES = 2_048;

    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final InetSocketAddress target;
    private final int sockets;
    private final int windowPerSocket;
    private final TorrentSet torrents;
    private final PeerPopulation peers;
    private final int numwant;
    private final int scrapePercent;
    private final RunWindow window;
    private final SplittableRandom random;
    private final int peerLength;
    private final LoadStats stats = new LoadStats();
    private final AnnounceRequest announce = new AnnounceRequest();

    private UdpLane[] lanes;
    private Selector selector;
    private ByteBuf sendBuf;
    private ByteBuffer sendNio;
    private ByteBuf receiveBuf;
    private ByteBuffer receiveNio;

    public UdpWorker(InetSocketAddress target, int sockets, int windowPerSocket, TorrentSet torrents,
                     PeerPopulation peers, int numwant, int scrapePercent, RunWindow window, long seed) {
        this.target = target;
        this.sockets = sockets;
        this.windowPerSocket = windowPerSocket;
        this.torrents = torrents;
        this.peers = peers;
        this.numwant = numwant;
        this.scrapePercent = scrapePercent;
        this.window = window;
        this.random = new SplittableRandom(seed);
        this.peerLength = target.getAddress() instanceof Inet6Address
                ? UdpAnnounceResponse.PEER_IPV6_LENGTH : UdpAnnounceResponse.PEER_IPV4_LENGTH;
    }

    @Override
    public LoadStats stats() {
        return stats;
    }

    @Override
    public void run() {
        sendBuf = Buffers.UNTRACKED.directBuffer(SEND_BYTES, SEND_BYTES);
        receiveBuf = Buffers.UNTRACKED.directBuffer(RECEIVE_BYTES, RECEIVE_BYTES);
        // NIO views of the same memory: the codec writes the ByteBuf, the channel reads the view.
        sendNio = sendBuf.nioBuffer(0, SEND_BYTES);
        receiveNio = receiveBuf.nioBuffer(0, RECEIVE_BYTES);
        lanes = new UdpLane[sockets];
        try {
            selector = Selector.open();
            for (int i = 0; i < sockets; i++) {
                lanes[i] = new UdpLane(target, windowPerSocket);
                lanes[i].channel.register(selector, SelectionKey.OP_READ);
            }
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (UdpLane lane : lanes) {
                closeQuietly(lane == null ? null : lane.channel);
            }
            closeQuietly(selector);
            sendBuf.release();
            receiveBuf.release();
        }
    }

    private void loop() throws IOException {
        ThreadCost cost = new ThreadCost();
        boolean counting = false;
        long nextHousekeeping = 0;
        int emptyPasses = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - window.endNanos() >= 0) {
                break;
            }
            if (now - nextHousekeeping >= 0) {
                if (!counting && now - window.countFromNanos() >= 0) {
                    stats.reset();
                    cost.start();
                    counting = true;
                }
                for (UdpLane lane : lanes) {
                    stats.lost += lane.expire(now - TIMEOUT_NANOS);
                }
                stats.publish();
                nextHousekeeping = now + HOUSEKEEPING_NANOS;
            }
            boolean received = false;
            for (UdpLane lane : lanes) {
                received |= receive(lane);
                fill(lane);
            }
            if (received) {
                emptyPasses = 0;
            } else if (++emptyPasses < SPIN_PASSES) {
                Thread.onSpinWait();
            } else {
                // The consumer form of select adds nothing to a selected-key set: no allocation.
                selector.select(IGNORE_KEY, SELECT_MILLIS);
                emptyPasses = 0;
            }
        }
        if (counting) {
            cost.stopInto(stats);
        }
        stats.publish();
    }

    private boolean receive(UdpLane lane) throws IOException {
        for (int i = 0; i < READ_BATCH; i++) {
            receiveNio.clear();
            int length;
            try {
                length = lane.channel.read(receiveNio);
            } catch (PortUnreachableException e) {
                stats.error(ReplyError.UNREACHABLE);
                return i > 0;
            }
            if (length <= 0) {
                return i > 0;
            }
            receiveBuf.setIndex(0, length);
            onReply(lane, System.nanoTime());
        }
        return true;
    }

    private void onReply(UdpLane lane, long now) {
        if (receiveBuf.readableBytes() < UdpResponseHeader.LENGTH) {
            stats.error(ReplyError.TOO_SHORT);
            return;
        }
        int transactionId = UdpResponseHeader.transactionId(receiveBuf);
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
        ReplyError error = UdpReplyCheck.check(receiveBuf, kind, lane.scrapeEntries(slot), numwant, peerLength);
        stats.latency(now - lane.sentAtNanos(slot));
        lane.end(slot);
        if (error != null) {
            stats.error(error);
            return;
        }
        switch (kind) {
            case UdpLane.CONNECT -> {
                lane.connectionId = UdpConnectResponse.connectionId(receiveBuf);
                lane.hasConnectionId = true;
                lane.connectionIdAtNanos = now;
                stats.connectReplies++;
            }
            case UdpLane.ANNOUNCE -> {
                stats.announceReplies++;
                stats.peersReturned += UdpAnnounceResponse.peerCount(receiveBuf, peerLength);
            }
            default -> stats.scrapeReplies++;
        }
    }

    /** Sends requests on {@code lane} until its window is full or the socket would block. */
    private void fill(UdpLane lane) throws IOException {
        while (lane.hasFreeSlot()) {
            long now = System.nanoTime();
            boolean refresh = !lane.hasConnectionId || now - lane.connectionIdAtNanos > REFRESH_NANOS;
            sendBuf.clear();
            int id;
            if (refresh && !lane.connectInFlight) {
                id = lane.begin(UdpLane.CONNECT, 0, now);
                UdpConnectRequest.write(sendBuf, id);
            } else if (!lane.hasConnectionId) {
                return; // nothing else may be sent before the first connect is answered
            } else if (random.nextInt(100) < scrapePercent) {
                id = writeScrape(lane, now);
            } else {
                peers.nextAnnounce(random.nextInt(peers.count()), numwant, random, announce);
                id = lane.begin(UdpLane.ANNOUNCE, 0, now);
                UdpAnnounceRequest.write(sendBuf, lane.connectionId, id, announce);
            }
            sendNio.clear().limit(sendBuf.writerIndex());
            if (lane.channel.write(sendNio) == 0) {
                // The socket's send buffer is full: give the slot back and try again next pass.
                lane.end(lane.slotOf(id));
                return;
            }
            stats.requests++;
        }
    }

    private int writeScrape(UdpLane lane, long now) {
        int peer = random.nextInt(peers.count());
        int entries = peers.scrapeCount(peer);
        int id = lane.begin(UdpLane.SCRAPE, entries, now);
        UdpScrapeRequest.writeHeader(sendBuf, lane.connectionId, id);
        for (int i = 0; i < entries; i++) {
            int t = peers.scrapeTorrent(peer, i);
            UdpScrapeRequest.writeInfoHash(sendBuf, torrents.high(t), torrents.middle(t), torrents.low(t));
        }
        return id;
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing fails only if the socket is already unusable; the run is over either way.
        }
    }
}
