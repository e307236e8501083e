package io.swarmkeeper.bench.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection with at most one request in flight (no pipelining: clients don't).
 * Its buffers live as long as the worker, across reconnects.
 */
final class HttpConnection {
    static final byte ANNOUNCE = 1;
    static final byte SCRAPE = 2;
    /** Far more than a tracker reply needs (a numwant-200 compact announce is under 1.5 kB). */
    static final int RECEIVE_BYTES = 16_384;
    private static final int SEND_BYTES = 4_096;

    final ByteBuf out = Buffers.UNTRACKED.directBuffer(SEND_BYTES, SEND_BYTES);
    final ByteBuf in = Buffers.UNTRACKED.directBuffer(RECEIVE_BYTES, RECEIVE_BYTES);
    private final ByteBuffer outNio = out.nioBuffer(0, SEND_BYTES);
    private final ByteBuffer inNio = in.nioBuffer(0, RECEIVE_BYTES);

    SocketChannel channel;
    SelectionKey key;
    boolean inFlight;
    /** Ready for its next request, which waits for the pacer (under --rate). */
    boolean waiting;
    boolean ended;
    long sentAtNanos;
    byte kind;
    int asked;

    void open(InetSocketAddress target, Selector selector) throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean connected = channel.connect(target);
        key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
        inFlight = false;
        ended = false;
    }

    /** Writes what is left of {@link #out}; true when all of it has gone. */
    boolean flush() throws IOException {
        outNio.limit(out.writerIndex()).position(out.readerIndex());
        out.readerIndex(out.readerIndex() + channel.write(outNio));
        boolean done = !out.isReadable();
        key.interestOps(done ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
        return done;
    }

    /** Reads what has arrived into {@link #in}; false when there is no room left for a reply. */
    boolean fill() throws IOException {
        if (in.writerIndex() == RECEIVE_BYTES) {
            return false;
        }
        inNio.limit(RECEIVE_BYTES).position(in.writerIndex());
        int n = channel.read(inNio);
        if (n < 0) {
            ended = true;
        } else {
            in.writerIndex(in.writerIndex() + n);
        }
        return true;
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // A socket that fails to close is unusable anyway; the worker opens a new one.
            }
        }
        channel = null;
        key = null;
        inFlight = false;
        waiting = false;
    }

    void release() {
        close();
        out.release();
        in.release();
    }
}
