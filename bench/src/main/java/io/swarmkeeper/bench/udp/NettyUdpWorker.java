package io.swarmkeeper.bench.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.LoadWorker;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.ThreadCost;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The same load as {@link UdpWorker} on Netty's native epoll transport, batching reads
 * (recvmmsg) and writes (sendmmsg): one event loop, several connected channels. Kept to compare
 * the two transports with {@code --transport}; see docs/benchmarks.md for which is faster here.
 */
public final class NettyUdpWorker implements LoadWorker {
    private static final long HOUSEKEEPING_NANOS = 10_000_000L;
    /** Largest request or reply we expect; recvmmsg splits its buffer into slots of this size. */
    private static final int DATAGRAM_BYTES = 2_048;
    /** Datagrams one recvmmsg may return. */
    private static final int READ_BATCH = 32;
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final InetSocketAddress target;
    private final int windowPerSocket;
    private final RunWindow window;
    private final LoadStats stats = new LoadStats();
    private final UdpRequests requests;
    private final UdpLane[] lanes;
    private final Channel[] channels;
    private final ThreadCost cost = new ThreadCost();
    private boolean counting;

    public NettyUdpWorker(InetSocketAddress target, int sockets, int windowPerSocket, TorrentSet torrents,
                          PeerPopulation peers, int numwant, int scrapePercent, RunWindow window, long seed) {
        this.target = target;
        this.windowPerSocket = windowPerSocket;
        this.window = window;
        this.lanes = new UdpLane[sockets];
        this.channels = new Channel[sockets];
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
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        CountDownLatch done = new CountDownLatch(1);
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_BYTES)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAM_BYTES * READ_BATCH));
            for (int i = 0; i < lanes.length; i++) {
                UdpLane lane = new UdpLane(windowPerSocket);
                lanes[i] = lane;
                channels[i] = bootstrap.clone().handler(new LaneHandler(lane)).connect(target).sync().channel();
            }
            EventLoop loop = channels[0].eventLoop();
            loop.scheduleAtFixedRate(this::housekeeping, 0, HOUSEKEEPING_NANOS, TimeUnit.NANOSECONDS);
            loop.schedule(() -> {
                if (counting) {
                    cost.stopInto(stats);
                }
                stats.publish();
                for (Channel c : channels) {
                    c.close();
                }
                done.countDown();
            }, window.endNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    private void housekeeping() {
        long now = System.nanoTime();
        if (!counting && now - window.countFromNanos() >= 0) {
            stats.reset();
            cost.start();
            counting = true;
        }
        for (int i = 0; i < lanes.length; i++) {
            requests.expire(lanes[i], now);
            fill(lanes[i], channels[i]);
            channels[i].flush();
        }
        stats.publish();
    }

    private void fill(UdpLane lane, Channel channel) {
        while (lane.hasFreeSlot() && channel.isWritable()) {
            ByteBuf out = channel.alloc().directBuffer(DATAGRAM_BYTES);
            int slot = requests.next(lane, out, System.nanoTime());
            if (slot == UdpRequests.NOTHING_TO_SEND) {
                out.release();
                return;
            }
            channel.write(out, channel.voidPromise());
            stats.requests++;
        }
    }

    private final class LaneHandler extends ChannelInboundHandlerAdapter {
        private final UdpLane lane;

        LaneHandler(UdpLane lane) {
            this.lane = lane;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf reply = msg instanceof DatagramPacket packet ? packet.content() : (ByteBuf) msg;
            try {
                requests.onReply(lane, reply, System.nanoTime());
            } finally {
                reply.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            fill(lane, ctx.channel());
            ctx.flush();
        }
    }
}
