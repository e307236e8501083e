package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.LoadWorker;
import io.swarmkeeper.bench.load.Pacer;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.ThreadCost;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One thread of UDP load on the JDK's non-blocking datagram channels: a few connected sockets,
 * each keeping its share of the window in flight. It polls the sockets in turn, hands each reply
 * to {@link UdpRequests}, and answers it with the next request on the same socket, so the window
 * stays full without a timer. Nothing is allocated per request: one direct buffer each way, and
 * a connected channel's read and write need no address objects.
 */
public final class UdpWorker implements LoadWorker {
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
    /** Asked of the kernel so a burst of replies is not dropped while the worker is busy; it may cap it. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;
    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final InetSocketAddress target;
    private final int windowPerSocket;
    private final RunWindow window;
    private final Pacer pacer;
    private final LoadStats stats = new LoadStats();
    private final UdpRequests requests;
    private final UdpLane[] lanes;
    private final DatagramChannel[] channels;

    private ByteBuf sendBuf;
    private ByteBuffer sendNio;
    private ByteBuf receiveBuf;
    private ByteBuffer receiveNio;
    private Selector selector;

    public UdpWorker(InetSocketAddress target, int sockets, int windowPerSocket, TorrentSet torrents,
                     PeerPopulation peers, int numwant, int scrapePercent, double rate, RunWindow window, long seed) {
        this.target = target;
        this.windowPerSocket = windowPerSocket;
        this.window = window;
        this.pacer = new Pacer(rate, window.startNanos());
        this.lanes = new UdpLane[sockets];
        this.channels = new DatagramChannel[sockets];
        int peerLength = target.getAddress() instanceof Inet6Address
                ? UdpAnnounceResponse.PEER_IPV6_LENGTH : UdpAnnounceResponse.PEER_IPV4_LENGTH;
        this.requests = new UdpRequests(torrents, peers, numwant, scrapePercent, peerLength,
                new SplittableRandom(seed), stats);
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
        try {
            selector = Selector.open();
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new UdpLane(windowPerSocket);
                channels[i] = open(target);
                channels[i].register(selector, SelectionKey.OP_READ);
            }
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (DatagramChannel channel : channels) {
                closeQuietly(channel);
            }
            closeQuietly(selector);
            sendBuf.release();
            receiveBuf.release();
        }
    }

    private static DatagramChannel open(InetSocketAddress target) throws IOException {
        DatagramChannel channel = DatagramChannel.open(target.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
        channel.configureBlocking(false);
        // Connected: the kernel drops datagrams from any other source, and read/write need no address objects.
        channel.connect(target);
        return channel;
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
                    requests.expire(lane, now);
                }
                stats.publish();
                nextHousekeeping = now + HOUSEKEEPING_NANOS;
            }
            boolean received = false;
            for (int i = 0; i < lanes.length; i++) {
                received |= receive(lanes[i], channels[i]);
                fill(lanes[i], channels[i]);
            }
            if (received) {
                emptyPasses = 0;
            } else if (++emptyPasses < SPIN_PASSES || pacer.limited()) {
                // A paced worker never sleeps in epoll: its next send is due in microseconds, not a millisecond.
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

    private boolean receive(UdpLane lane, DatagramChannel channel) throws IOException {
        for (int i = 0; i < READ_BATCH; i++) {
            receiveNio.clear();
            int length;
            try {
                length = channel.read(receiveNio);
            } catch (PortUnreachableException e) {
                stats.error(ReplyError.UNREACHABLE);
                return i > 0;
            }
            if (length <= 0) {
                return i > 0;
            }
            receiveBuf.setIndex(0, length);
            requests.onReply(lane, receiveBuf, System.nanoTime());
        }
        return true;
    }

    /** Sends requests on {@code lane} until its window is full or the socket would block. */
    private void fill(UdpLane lane, DatagramChannel channel) throws IOException {
        while (lane.hasFreeSlot()) {
            long now = System.nanoTime();
            if (!pacer.tryAcquire(now)) {
                return;
            }
            sendBuf.clear();
            int slot = requests.next(lane, sendBuf, now);
            if (slot == UdpRequests.NOTHING_TO_SEND) {
                return;
            }
            sendNio.clear().limit(sendBuf.writerIndex());
            if (channel.write(sendNio) == 0) {
                // The socket's send buffer is full: give the slot back and try again next pass.
                lane.end(slot);
                return;
            }
            stats.requests++;
        }
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
