package io.swarmkeeper.bench.memory;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpResponseHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fills a tracker with a {@link FillPlan}'s peers through its UDP port: one socket per source
 * address, a connect on each (renewed every {@link #RECONNECT_NANOS}), then announces with a
 * bounded window in flight per socket, each reply checked (action, transaction id, whole peer
 * entries, no more peers than asked, peers from the plan's source range), unanswered announces
 * sent again after {@link #RETRY_NANOS}. Single-threaded: a fill is bounded by the tracker, not
 * by this loop, and the tracker should have the other core.
 *
 * <p>Afterwards {@link #count} scrapes every torrent of the plan and sums what the tracker
 * reports, which works the same on any BEP 15 tracker.
 */
public final class UdpFiller {
    private static final long RETRY_NANOS = 1_000_000_000L;
    /** Loopback drops only when a socket buffer overflows; ten tries a second apart outlast any burst. */
    private static final int MAX_TRIES = 10;
    /** BEP 15 ids live at least a minute (opentracker: one to two); renew well inside that. */
    private static final long RECONNECT_NANOS = 30_000_000_000L;
    private static final int CONNECT_TX_BIT = 0x8000_0000;
    private static final int MAX_WINDOW = 256;
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;

    private final InetSocketAddress target;
    private final FillPlan plan;
    private final int window;
    private final int numwant;
    private final PrintStream progress;

    /**
     * @param window announces in flight per source socket, 1..256
     * @param numwant peers asked for in each announce; replies are checked against it
     */
    public UdpFiller(InetSocketAddress target, FillPlan plan, int window, int numwant, PrintStream progress) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be 1.." + MAX_WINDOW);
        }
        if (numwant < 0 || numwant > 200) {
            throw new IllegalArgumentException("numwant must be 0..200");
        }
        this.target = target;
        this.plan = plan;
        this.window = window;
        this.numwant = numwant;
        this.progress = progress;
    }

    /** What a fill did. {@code firstError} is null when every reply was valid. */
    public record FillResult(long announced, long answered, long errors, long retries, long lost, long late,
                             double seconds, boolean timedOut, String firstError) {}

    /** What a tracker says it holds for the plan's torrents, summed over scrapes. */
    public record Count(long seeders, long leechers, long torrentsWithPeers, long errors) {
        public long peers() {
            return seeders + leechers;
        }
    }

    public FillResult fill(Duration limit) throws IOException {
        try {
            return fillOrThrow(limit);
        } catch (PortUnreachableException e) {
            throw unreachable();
        }
    }

    private IOException unreachable() {
        return new IOException("nothing listens on UDP " + target.getAddress().getHostAddress() + ":" + target.getPort()
                + " (port unreachable)");
    }

    private FillResult fillOrThrow(Duration limit) throws IOException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        ByteBuf in = Buffers.UNTRACKED.directBuffer(2_048);
        ByteBuf out = Buffers.UNTRACKED.directBuffer(2_048);
        Lane[] lanes = new Lane[plan.sources()];
        try (Selector selector = Selector.open()) {
            Tally tally = new Tally();
            for (int s = 0; s < lanes.length; s++) {
                lanes[s] = new Lane(s, selector);
            }
            long nextProgress = start + 2_000_000_000L;
            int done = 0;
            boolean timedOut = false;
            AnnounceRequest holder = new AnnounceRequest();
            while (done < lanes.length) {
                long now = System.nanoTime();
                if (now > deadline) {
                    timedOut = true;
                    break;
                }
                done = 0;
                for (Lane lane : lanes) {
                    lane.pump(now, out, holder, tally);
                    if (lane.finished()) {
                        done++;
                    }
                }
                if (selector.select(1) > 0) {
                    for (SelectionKey key : selector.selectedKeys()) {
                        ((Lane) key.attachment()).drain(in, tally);
                    }
                    selector.selectedKeys().clear();
                }
                if (now > nextProgress && progress != null) {
                    double seconds = (now - start) / 1e9;
                    progress.printf("fill: %,d of %,d peers answered, %,.0f/s, %d errors, %d retries%n",
                            tally.answered, plan.peers(), tally.answered / seconds, tally.errors, tally.retries);
                    nextProgress = now + 2_000_000_000L;
                }
            }
            for (Lane lane : lanes) {
                lane.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new FillResult(tally.announced, tally.answered, tally.errors, tally.retries, tally.lost, tally.late,
                    seconds, timedOut, tally.firstError);
        } finally {
            for (Lane lane : lanes) {
                if (lane != null) {
                    lane.close();
                }
            }
            in.release();
            out.release();
        }
    }

    /**
     * Scrapes every torrent of the plan, {@link UdpScrapeRequest#MAX_INFO_HASHES} a packet, a few
     * packets in flight, from the first source address.
     */
    public Count count(Duration limit) throws IOException {
        try {
            return countOrThrow(limit);
        } catch (PortUnreachableException e) {
            throw unreachable();
        }
    }

    private Count countOrThrow(Duration limit) throws IOException {
        int torrents = plan.torrents();
        int chunks = (torrents + UdpScrapeRequest.MAX_INFO_HASHES - 1) / UdpScrapeRequest.MAX_INFO_HASHES;
        int inFlight = 8;
        long deadline = System.nanoTime() + limit.toNanos();
        ByteBuf in = Buffers.UNTRACKED.directBuffer(2_048);
        ByteBuf out = Buffers.UNTRACKED.directBuffer(2_048);
        try (Selector selector = Selector.open();
             DatagramChannel channel = open(plan.sourceAddress(0))) {
            channel.register(selector, SelectionKey.OP_READ);
            long connectionId = connect(channel, selector, in, out, deadline);
            long[] sentAt = new long[chunks];
            boolean[] answered = new boolean[chunks];
            int[] tries = new int[chunks];
            long seeders = 0;
            long leechers = 0;
            long withPeers = 0;
            long errors = 0;
            int next = 0;
            int open = 0;
            int finished = 0;
            while (finished < chunks) {
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IOException("scrape count did not finish in " + limit);
                }
                for (int c = 0; c < next; c++) {
                    if (!answered[c] && now - sentAt[c] > RETRY_NANOS) {
                        if (++tries[c] > MAX_TRIES) {
                            throw new IOException("scrape of torrents " + c * UdpScrapeRequest.MAX_INFO_HASHES
                                    + "... unanswered after " + MAX_TRIES + " tries");
                        }
                        sendScrape(channel, out, connectionId, c, now, sentAt);
                    }
                }
                while (open < inFlight && next < chunks) {
                    sendScrape(channel, out, connectionId, next, now, sentAt);
                    tries[next] = 1;
                    next++;
                    open++;
                }
                selector.select(5);
                selector.selectedKeys().clear();
                while (receive(channel, in)) {
                    int c = UdpResponseHeader.transactionId(in);
                    if (UdpResponseHeader.action(in) != UdpAction.SCRAPE || c < 0 || c >= next || answered[c]) {
                        continue;
                    }
                    int hashes = chunkSize(c);
                    if (UdpScrapeResponse.check(in) != null || UdpScrapeResponse.entryCount(in) != hashes) {
                        errors++;
                    } else {
                        for (int e = 0; e < hashes; e++) {
                            int s = UdpScrapeResponse.seeders(in, e);
                            int l = UdpScrapeResponse.leechers(in, e);
                            seeders += s;
                            leechers += l;
                            if (s + l > 0) {
                                withPeers++;
                            }
                        }
                    }
                    answered[c] = true;
                    open--;
                    finished++;
                }
            }
            return new Count(seeders, leechers, withPeers, errors);
        } finally {
            in.release();
            out.release();
        }
    }

    private int chunkSize(int chunk) {
        return Math.min(UdpScrapeRequest.MAX_INFO_HASHES, plan.torrents() - chunk * UdpScrapeRequest.MAX_INFO_HASHES);
    }

    private void sendScrape(DatagramChannel channel, ByteBuf out, long connectionId, int chunk, long now, long[] sentAt)
            throws IOException {
        out.clear();
        UdpScrapeRequest.writeHeader(out, connectionId, chunk);
        int first = chunk * UdpScrapeRequest.MAX_INFO_HASHES;
        for (int t = first; t < first + chunkSize(chunk); t++) {
            UdpScrapeRequest.writeInfoHash(out, plan.torrentSet().high(t), plan.torrentSet().middle(t),
                    plan.torrentSet().low(t));
        }
        channel.write(out.nioBuffer());
        sentAt[chunk] = now;
    }

    private static long connect(DatagramChannel channel, Selector selector, ByteBuf in, ByteBuf out, long deadline)
            throws IOException {
        int tx = CONNECT_TX_BIT | 1;
        long sentAt = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (now - sentAt > RETRY_NANOS) {
                out.clear();
                UdpConnectRequest.write(out, tx);
                channel.write(out.nioBuffer());
                sentAt = now;
            }
            selector.select(10);
            selector.selectedKeys().clear();
            while (receive(channel, in)) {
                if (UdpConnectResponse.check(in) == null && UdpConnectResponse.transactionId(in) == tx) {
                    return UdpConnectResponse.connectionId(in);
                }
            }
        }
        throw new IOException("no connect reply from the tracker");
    }

    /** Reads one datagram into {@code in} if one is waiting. */
    private static boolean receive(DatagramChannel channel, ByteBuf in) throws IOException {
        ByteBuffer nio = in.nioBuffer(0, in.capacity());
        if (channel.receive(nio) == null) {
            return false;
        }
        in.setIndex(0, nio.position());
        return true;
    }

    private DatagramChannel open(int address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            channel.bind(new InetSocketAddress(InetAddress.getByAddress(toBytes(address)), 0));
            channel.connect(target);
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static byte[] toBytes(int address) {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static final class Tally {
        long announced;
        long answered;
        long errors;
        long retries;
        long lost;
        long late;
        String firstError;

        void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }
    }

    /** One source address: its socket, connection id and window of announces in flight. */
    private final class Lane {
        private final int address;
        private final DatagramChannel channel;
        /** Slot s holds the index of the peer whose announce is in flight in it, or -1. */
        private final int[] peerIn = new int[window];
        private final int[] txIn = new int[window];
        private final long[] sentAt = new long[window];
        private final int[] tries = new int[window];
        private int inFlight;
        /** The next peer of this source to announce; steps by the number of sources. */
        private int nextPeer;
        private int sequence;
        private long connectionId;
        private boolean connected;
        private long connectedAt;
        private int connectTx;
        private long connectSentAt;
        private int connectTries;
        private boolean closed;

        Lane(int source, Selector selector) throws IOException {
            this.address = plan.sourceAddress(source);
            this.channel = open(address);
            channel.register(selector, SelectionKey.OP_READ, this);
            this.nextPeer = source;
            Arrays.fill(peerIn, -1);
        }

        boolean finished() {
            return nextPeer >= plan.peers() && inFlight == 0;
        }

        void pump(long now, ByteBuf out, AnnounceRequest holder, Tally tally) throws IOException {
            if (finished()) {
                return;
            }
            boolean stale = !connected || now - connectedAt > RECONNECT_NANOS;
            if (stale && (connectTx == 0 || now - connectSentAt > RETRY_NANOS)) {
                if (connectTx != 0 && ++connectTries > MAX_TRIES) {
                    throw new IOException("no connect reply to source " + InetAddress.getByAddress(toBytes(address)));
                }
                connectTx = CONNECT_TX_BIT | (++sequence & 0x7FFF_FFFF);
                out.clear();
                UdpConnectRequest.write(out, connectTx);
                channel.write(out.nioBuffer());
                connectSentAt = now;
            }
            if (!connected) {
                return;
            }
            for (int slot = 0; slot < window; slot++) {
                if (peerIn[slot] >= 0) {
                    if (now - sentAt[slot] > RETRY_NANOS) {
                        if (tries[slot] >= MAX_TRIES) {
                            tally.lost++;
                            tally.error("announce of peer " + peerIn[slot] + " unanswered after " + MAX_TRIES
                                    + " tries");
                            free(slot);
                        } else if (send(slot, peerIn[slot], now, out, holder)) {
                            tries[slot]++;
                            tally.retries++;
                        }
                    }
                } else if (nextPeer < plan.peers()) {
                    if (!send(slot, nextPeer, now, out, holder)) {
                        return;
                    }
                    peerIn[slot] = nextPeer;
                    tries[slot] = 1;
                    inFlight++;
                    tally.announced++;
                    nextPeer += plan.sources();
                }
            }
        }

        /** False if the socket's send buffer is full; try again on the next pass. */
        private boolean send(int slot, int peer, long now, ByteBuf out, AnnounceRequest holder) throws IOException {
            int tx = (++sequence & 0x7F_FFFF) << 8 | slot;
            plan.announce(peer, numwant, holder);
            out.clear();
            UdpAnnounceRequest.write(out, connectionId, tx, holder);
            if (channel.write(out.nioBuffer()) == 0) {
                return false;
            }
            txIn[slot] = tx;
            sentAt[slot] = now;
            return true;
        }

        private void free(int slot) {
            peerIn[slot] = -1;
            inFlight--;
        }

        void drain(ByteBuf in, Tally tally) throws IOException {
            while (receive(channel, in)) {
                if (in.readableBytes() < UdpResponseHeader.LENGTH) {
                    tally.error("reply of " + in.readableBytes() + " bytes");
                    continue;
                }
                int action = UdpResponseHeader.action(in);
                int tx = UdpResponseHeader.transactionId(in);
                if (action == UdpAction.CONNECT) {
                    connectReply(in, tx, tally);
                } else if (action == UdpAction.ANNOUNCE) {
                    announceReply(in, tx, tally);
                } else if (action == UdpAction.ERROR) {
                    int slot = tx & 0xFF;
                    String message = UdpErrorResponse.check(in) == null ? UdpErrorResponse.message(in) : "(unreadable)";
                    tally.error("tracker error: " + message);
                    if ((tx & CONNECT_TX_BIT) == 0 && slot < window && peerIn[slot] >= 0 && txIn[slot] == tx) {
                        free(slot);
                    }
                } else {
                    tally.error("reply with action " + action);
                }
            }
        }

        private void connectReply(ByteBuf in, int tx, Tally tally) {
            if (tx != connectTx) {
                tally.late++;
                return;
            }
            UdpDecodeError error = UdpConnectResponse.check(in);
            if (error != null) {
                tally.error("connect reply: " + error);
                return;
            }
            connectionId = UdpConnectResponse.connectionId(in);
            connected = true;
            connectedAt = System.nanoTime();
            connectTx = 0;
            connectTries = 0;
        }

        private void announceReply(ByteBuf in, int tx, Tally tally) {
            int slot = tx & 0xFF;
            if ((tx & CONNECT_TX_BIT) != 0 || slot >= window || peerIn[slot] < 0 || txIn[slot] != tx) {
                // An answer to an announce that was already sent again and answered.
                tally.late++;
                return;
            }
            UdpDecodeError error = UdpAnnounceResponse.check(in, UdpAnnounceResponse.PEER_IPV4_LENGTH);
            if (error != null) {
                tally.error("announce reply: " + error);
            } else {
                String wrong = wrongPeers(in);
                if (wrong != null) {
                    tally.error("announce reply for peer " + peerIn[slot] + ": " + wrong);
                } else {
                    tally.answered++;
                }
            }
            free(slot);
        }

        private String wrongPeers(ByteBuf in) {
            int count = UdpAnnounceResponse.peerCount(in, UdpAnnounceResponse.PEER_IPV4_LENGTH);
            if (count > numwant) {
                return count + " peers for numwant " + numwant;
            }
            if (UdpAnnounceResponse.seeders(in) < 0 || UdpAnnounceResponse.leechers(in) < 0) {
                return "negative counts";
            }
            for (int p = 0; p < count; p++) {
                int ip = UdpAnnounceResponse.peerIpv4(in, p);
                int port = UdpAnnounceResponse.peerPort(in, p, UdpAnnounceResponse.PEER_IPV4_LENGTH);
                if (ip - FillPlan.FIRST_SOURCE < 0 || ip - FillPlan.FIRST_SOURCE >= plan.sources() || port == 0) {
                    return "a peer the fill never announced";
                }
            }
            return null;
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                channel.close();
            }
        }
    }
}
