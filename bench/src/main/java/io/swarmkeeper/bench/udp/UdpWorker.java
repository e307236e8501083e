package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.bench.load.ReplyError;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;

/**
 * One thread of UDP load on the JDK's non-blocking datagram channels, a system call per datagram:
 * the I/O that runs everywhere. It answers each reply with the next request on the same socket.
 * Nothing is allocated per request: one direct buffer each way, and a connected channel's read and
 * write need no address objects.
 */
final class UdpWorker extends UdpWorkerLoop {
    /** Replies read from one socket before turning to the next, so no socket starves the others. */
    private static final int READ_BATCH = 32;
    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final DatagramChannel[] channels;
    private ByteBuf sendBuf;
    private ByteBuffer sendNio;
    private ByteBuf receiveBuf;
    private ByteBuffer receiveNio;
    private Selector selector;

    UdpWorker(UdpWorkerPlan plan) {
        super(plan);
        this.channels = new DatagramChannel[plan.sockets()];
    }

    @Override
    void open() throws IOException {
        sendBuf = Buffers.UNTRACKED.directBuffer(SEND_BYTES, SEND_BYTES);
        receiveBuf = Buffers.UNTRACKED.directBuffer(RECEIVE_BYTES, RECEIVE_BYTES);
        // NIO views of the same memory: the codec writes the ByteBuf, the channel reads the view.
        sendNio = sendBuf.nioBuffer(0, SEND_BYTES);
        receiveNio = receiveBuf.nioBuffer(0, RECEIVE_BYTES);
        selector = Selector.open();
        for (int i = 0; i < channels.length; i++) {
            channels[i] = open(target);
            channels[i].register(selector, SelectionKey.OP_READ);
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

    @Override
    boolean receive(int socket) throws IOException {
        for (int i = 0; i < READ_BATCH; i++) {
            receiveNio.clear();
            int length;
            try {
                length = channels[socket].read(receiveNio);
            } catch (PortUnreachableException e) {
                stats.error(ReplyError.UNREACHABLE);
                return i > 0;
            }
            if (length <= 0) {
                return i > 0;
            }
            receiveBuf.setIndex(0, length);
            reply(lanes[socket], receiveBuf, System.nanoTime());
        }
        return true;
    }

    @Override
    void fill(int socket) throws IOException {
        UdpLane lane = lanes[socket];
        while (lane.hasFreeSlot()) {
            int slot = next(lane, sendBuf, System.nanoTime());
            if (slot == UdpRequests.NOTHING_TO_SEND) {
                return;
            }
            sendNio.clear().limit(sendBuf.writerIndex());
            if (channels[socket].write(sendNio) == 0) {
                // The socket's send buffer is full: give the slot back and try again next pass.
                lane.end(slot);
                return;
            }
            stats.requests++;
        }
    }

    @Override
    void idle() throws IOException {
        // The consumer form of select adds nothing to a selected-key set: no allocation.
        selector.select(IGNORE_KEY, IDLE_WAIT.toMillis());
    }

    @Override
    void close() {
        for (DatagramChannel channel : channels) {
            closeQuietly(channel);
        }
        closeQuietly(selector);
        if (sendBuf != null) {
            sendBuf.release();
        }
        if (receiveBuf != null) {
            receiveBuf.release();
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
