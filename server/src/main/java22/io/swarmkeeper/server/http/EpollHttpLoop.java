package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.swarmkeeper.linuxnet.Epoll;
import io.swarmkeeper.linuxnet.TcpIo;
import io.swarmkeeper.linuxnet.TcpListener;
import io.swarmkeeper.protocol.http.HttpFailure;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread serving connections from one epoll set, level-triggered, with the listener it shares
 * with the address's other loops in the set too: a request that
 * arrives alone costs one epoll_wait, one read and one send, with no pipeline, promise, task queue
 * or timer in between (what a Netty event loop adds, measured in docs/benchmarks.md). Requests are
 * read into one native buffer the loop owns and copied into one array, which the parsers read
 * (HttpExchange), and answers copied into another native buffer; a connection keeps bytes of its
 * own only while a request is incomplete or the client is slow to read its answers.
 *
 * <p>Timeouts are checked by a sweep once a second rather than a timer per connection: a silent
 * connection, or one whose request has been incomplete for the idle timeout, is closed.
 */
final class EpollHttpLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EpollHttpLoop.class);
    private static final int EVENTS = 256;
    /** Connections taken per wake-up, so a flood of connects cannot starve the open ones. */
    private static final int ACCEPTS_PER_WAKE = 64;
    private static final long SWEEP_MILLIS = 1_000;
    private static final int OUT_CAPACITY = 64 << 10;
    /** An announce for 200 peers in the dictionary form takes ~16 KB; larger answers are rare. */
    private static final int REPLY_CAPACITY = 32 << 10;
    private static final long JOIN_MILLIS = 5_000;
    private static final int LISTENER_EVENTS = Epoll.IN | Epoll.EXCLUSIVE;

    private final TcpListener listener;
    private final Epoll epoll;
    private final HttpServer.Shared shared;
    private final ConnectionLimiter limiter;
    private final long idleMillis;
    private final int inCapacity;
    private final Thread thread;
    private final List<EpollConnection> open = new ArrayList<>();
    private EpollConnection[] byFd = new EpollConnection[1024];
    private volatile boolean running = true;
    private boolean started;
    private long lastAcceptFailureLog;
    private boolean acceptPaused;

    // Owned by the loop's thread, made when it starts.
    private TcpIo io;
    private HttpWorkspace workspace;
    /** The bytes of the requests being answered, over an array (see HttpExchange). */
    private ByteBuf in;
    private MemorySegment inArray;
    private MemorySegment inNative;
    private ByteBuf out;
    private long outAddress;
    /** Where answers are written before they are copied into {@link #out}. */
    private ReplyBuffers replies;
    private long refusalAddress;
    private int refusalLength;

    EpollHttpLoop(TcpListener listener, HttpServer.Shared shared, ConnectionLimiter limiter, String name)
            throws IOException {
        this.listener = listener;
        this.shared = shared;
        this.limiter = limiter;
        this.idleMillis = shared.idleTimeout * 1000L;
        // Room for the largest head the parser may wait for, so it can always tell "too large".
        this.inCapacity = Math.max(64 << 10, shared.maxHead + 1);
        this.epoll = Epoll.open(EVENTS);
        try {
            epoll.add(listener.fd(), LISTENER_EVENTS);
        } catch (IOException e) {
            epoll.close();
            throw e;
        }
        this.thread = new FastThreadLocalThread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        started = true;
        thread.start();
    }

    /** Makes the loop close its connections and stop; {@link #join} waits for that. */
    void stop() {
        running = false;
        if (started) {
            epoll.wakeup();
        } else {
            epoll.close();
        }
    }

    void join() {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (Arena arena = Arena.ofConfined(); TcpIo calls = new TcpIo()) {
            io = calls;
            workspace = shared.workspace.get();
            byte[] inBytes = new byte[inCapacity];
            in = Unpooled.wrappedBuffer(inBytes);
            inArray = MemorySegment.ofArray(inBytes);
            inNative = arena.allocate(inCapacity, 64);
            MemorySegment outSegment = arena.allocate(OUT_CAPACITY, 64);
            out = Unpooled.wrappedBuffer(outSegment.asByteBuffer()).clear();
            outAddress = outSegment.address();
            replies = new ReusedReplyBuffer(Unpooled.wrappedBuffer(arena.allocate(REPLY_CAPACITY, 64).asByteBuffer()),
                    ByteBufAllocator.DEFAULT);
            byte[] refusal = FailureResponses.bytes(HttpFailure.TOO_MANY_CONNECTIONS, false);
            MemorySegment refusalSegment = arena.allocate(refusal.length);
            MemorySegment.copy(MemorySegment.ofArray(refusal), 0, refusalSegment, 0, refusal.length);
            refusalAddress = refusalSegment.address();
            refusalLength = refusal.length;
            try {
                serve();
            } finally {
                // While the calls' memory is still there.
                for (int i = open.size() - 1; i >= 0; i--) {
                    close(open.get(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("HTTP loop on {} stopped: {}", listener.address(), e.toString());
        } finally {
            epoll.close();
        }
    }

    private void serve() throws IOException {
        long nextSweep = millis() + SWEEP_MILLIS;
        while (running) {
            int n = epoll.await((int) Math.max(0, nextSweep - millis()));
            long now = millis();
            for (int i = 0; i < n; i++) {
                int fd = epoll.fd(i);
                if (fd == listener.fd()) {
                    accept(now);
                } else if (fd < byFd.length && byFd[fd] != null) {
                    handle(byFd[fd], now);
                }
            }
            if (now >= nextSweep) {
                sweep(now);
                nextSweep = now + SWEEP_MILLIS;
            }
        }
    }

    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }

    private void accept(long now) throws IOException {
        for (int i = 0; i < ACCEPTS_PER_WAKE; i++) {
            int fd;
            try {
                fd = io.accept(listener.fd());
            } catch (IOException e) {
                // Out of descriptors or memory: the connection stays queued and the listener would
                // report it again at once, so it is left out until the next sweep.
                if (now - lastAcceptFailureLog >= SWEEP_MILLIS) {
                    lastAcceptFailureLog = now;
                    LOG.warn("HTTP accept failed on {}: {}", listener.address(), e.getMessage());
                }
                epoll.remove(listener.fd());
                acceptPaused = true;
                return;
            }
            if (fd < 0) {
                return;
            }
            if (!limiter.opened()) {
                // One try to say why; a client that cannot take 200 bytes now learns it from the close.
                io.send(fd, refusalAddress, refusalLength);
                io.close(fd);
                limiter.closed();
                continue;
            }
            register(fd, now);
        }
    }

    private void register(int fd, long now) {
        EpollConnection conn = new EpollConnection(fd);
        if (io.peerIpv6()) {
            conn.peer.setIpv6(io.peerIpv6High(), io.peerIpv6Low());
        } else {
            conn.peer.setIpv4(io.peerIpv4());
        }
        conn.fromTrustedProxy = shared.proxies.contains(conn.peer);
        conn.lastRead = now;
        try {
            epoll.add(fd, Epoll.IN);
        } catch (IOException e) {
            LOG.warn("HTTP connection on {} dropped: {}", listener.address(), e.getMessage());
            io.close(fd);
            limiter.closed();
            return;
        }
        if (fd >= byFd.length) {
            byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        }
        byFd[fd] = conn;
        conn.index = open.size();
        open.add(conn);
    }

    private void handle(EpollConnection conn, long now) {
        try {
            if (conn.writeWait) {
                flush(conn);
                return;
            }
            if (conn.lingering) {
                drain(conn);
                return;
            }
            int have = conn.partialLength;
            if (have > 0) {
                in.setBytes(0, conn.partial, 0, have);
            }
            int n = io.read(conn.fd, inNative.address() + have, inCapacity - have);
            if (n == TcpIo.AGAIN) {
                return;
            }
            if (n <= 0) {
                // The client closed (0) or the connection broke.
                close(conn);
                return;
            }
            conn.lastRead = now;
            MemorySegment.copy(inNative, have, inArray, have, n);
            in.setIndex(0, have + n);
            answerAll(conn, now);
        } catch (RuntimeException e) {
            // A failure here is ours, not the client's; the loop goes on serving everyone else.
            LOG.warn("HTTP connection on {} failed: {}", listener.address(), e.toString());
            close(conn);
        }
    }

    /**
     * Answers every complete request in the read buffer, keeps an incomplete one, and sends the
     * answers. What one read brings bounds what waits for a slow reader: nothing more is read
     * until the kernel has taken it all.
     */
    private void answerAll(EpollConnection conn, long now) {
        boolean answered = false;
        while (in.isReadable() && !conn.closing && !conn.closed) {
            int verdict = shared.exchange.answer(replies, in, conn.peer, conn.fromTrustedProxy, workspace);
            if (verdict == HttpExchange.NEED_MORE) {
                break;
            }
            answered = true;
            ByteBuf response = workspace.response;
            workspace.response = null;
            conn.closing = verdict == HttpExchange.CLOSE;
            queue(conn, response);
        }
        if (conn.closed) {
            return;
        }
        keepPartial(conn, answered, now);
        flush(conn);
    }

    private void keepPartial(EpollConnection conn, boolean answered, long now) {
        int left = in.readableBytes();
        // A last answer (CLOSE) consumed all input, so a closing connection keeps nothing.
        if (left == 0) {
            conn.partial = null;
            conn.partialLength = 0;
            conn.partialSince = 0;
            return;
        }
        if (conn.partial == null || conn.partial.length < left) {
            conn.partial = new byte[left];
        }
        in.getBytes(in.readerIndex(), conn.partial, 0, left);
        conn.partialLength = left;
        if (answered || conn.partialSince == 0) {
            conn.partialSince = now;
        }
    }

    /** Adds an answer to what goes out, through the loop's buffer while the kernel keeps up. */
    private void queue(EpollConnection conn, ByteBuf response) {
        try {
            while (response.isReadable() && !conn.closed) {
                if (conn.unsent != null) {
                    conn.unsent.writeBytes(response);
                } else if (out.isWritable()) {
                    out.writeBytes(response, Math.min(response.readableBytes(), out.writableBytes()));
                } else {
                    send(conn);
                }
            }
        } finally {
            response.release();
        }
    }

    /**
     * Sends what is queued, then waits for requests again, or closes after a last answer. When
     * the kernel will take no more, waits for room instead (reading nothing meanwhile).
     */
    private void flush(EpollConnection conn) {
        while (!conn.closed) {
            if (out.isReadable() && !send(conn)) {
                if (!conn.closed && !conn.writeWait) {
                    interest(conn, true);
                }
                return;
            }
            if (conn.closed || conn.unsent == null) {
                break;
            }
            out.writeBytes(conn.unsent, Math.min(conn.unsent.readableBytes(), out.writableBytes()));
            if (!conn.unsent.isReadable()) {
                conn.unsent.release();
                conn.unsent = null;
            }
        }
        if (conn.closed) {
            return;
        }
        if (conn.closing) {
            linger(conn);
        } else if (conn.writeWait) {
            interest(conn, false);
        }
    }

    /** The last answer is out: no more to send, and what the client still sends is dropped. */
    private void linger(EpollConnection conn) {
        io.shutdownOutput(conn.fd);
        conn.closing = false;
        conn.lingering = true;
        conn.lingerSince = millis();
        if (conn.writeWait) {
            interest(conn, false);
        }
    }

    /** Reads and drops what a lingering connection's client sends; its end of stream closes it. */
    private void drain(EpollConnection conn) {
        int n = io.read(conn.fd, inNative.address(), inCapacity);
        if (n != TcpIo.AGAIN && n <= 0) {
            close(conn);
        }
    }

    /**
     * Sends the loop's buffer and empties it; true when the kernel took it all. What it did not
     * take moves, ahead of anything already waiting, to the connection's own buffer.
     */
    private boolean send(EpollConnection conn) {
        int n = io.send(conn.fd, outAddress + out.readerIndex(), out.readableBytes());
        if (n == TcpIo.BROKEN) {
            close(conn);
            return false;
        }
        if (n > 0) {
            out.skipBytes(n);
        }
        boolean all = !out.isReadable();
        if (!all) {
            ByteBuf rest = Unpooled.buffer(out.readableBytes() + (conn.unsent == null ? 0 : conn.unsent.readableBytes()));
            rest.writeBytes(out);
            if (conn.unsent != null) {
                rest.writeBytes(conn.unsent);
                conn.unsent.release();
            }
            conn.unsent = rest;
        }
        out.clear();
        return all;
    }

    /** Waits for room to send instead of for requests, or back; a failure closes the connection. */
    private void interest(EpollConnection conn, boolean write) {
        try {
            epoll.modify(conn.fd, write ? Epoll.OUT : Epoll.IN);
            conn.writeWait = write;
        } catch (IOException e) {
            close(conn);
        }
    }

    private void sweep(long now) {
        for (int i = open.size() - 1; i >= 0; i--) {
            EpollConnection conn = open.get(i);
            if (now - conn.lastRead >= idleMillis || (conn.partialSince != 0 && now - conn.partialSince >= idleMillis)
                    || (conn.lingering && now - conn.lingerSince >= HttpExchange.LINGER_MILLIS)) {
                close(conn);
            }
        }
        if (acceptPaused) {
            try {
                epoll.add(listener.fd(), LISTENER_EVENTS);
                acceptPaused = false;
            } catch (IOException e) {
                LOG.warn("HTTP listener on {}: {}", listener.address(), e.getMessage());
            }
        }
    }

    private void close(EpollConnection conn) {
        if (conn.closed) {
            return;
        }
        conn.closed = true;
        io.close(conn.fd);
        byFd[conn.fd] = null;
        EpollConnection last = open.remove(open.size() - 1);
        if (last != conn) {
            open.set(conn.index, last);
            last.index = conn.index;
        }
        if (conn.unsent != null) {
            conn.unsent.release();
            conn.unsent = null;
        }
        out.clear();
        limiter.closed();
    }
}
