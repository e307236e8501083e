package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One thread's calls on non-blocking TCP connections: accept, read, send, close. Buffers are
 * passed as native addresses and the accepted peer's address is kept in reused memory, so a call
 * allocates nothing. Results that are no failure of the call (nothing to read now, the peer gone)
 * come back as values, not exceptions: they are every-day events for a server.
 */
public final class TcpIo implements AutoCloseable {
    /** Nothing now: no connection waiting, no bytes to read, no room to send. Try when epoll says. */
    public static final int AGAIN = -1;
    /** The connection failed (reset by the peer, say): close it. */
    public static final int BROKEN = -2;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment state = arena.allocate(Libc.CALL_STATE);
    private final MemorySegment peer = arena.allocate(SocketAddresses.SIZE, 8);
    private final MemorySegment peerLength = arena.allocate(JAVA_INT);
    private final MemorySegment one = arena.allocateFrom(JAVA_INT, 1);

    /**
     * Accepts a connection, non-blocking, with TCP_NODELAY (answers are whole and must not wait for
     * an acknowledgement); its peer is then read with {@link #peerIpv6} and friends.
     *
     * @return the new descriptor, or {@link #AGAIN} when none is waiting (or it went away first)
     * @throws IOException when the system is out of descriptors or memory: the connection waits
     */
    public int accept(int listenerFd) throws IOException {
        peerLength.set(JAVA_INT, 0, SocketAddresses.SIZE);
        int fd;
        try {
            fd = (int) Libc.ACCEPT4.invokeExact(state, listenerFd, peer, peerLength,
                    Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (fd < 0) {
            int errno = Libc.errno(state);
            if (retryable(errno)) {
                return AGAIN;
            }
            throw Libc.failure("accept4", state);
        }
        try {
            int ignored = (int) Libc.SETSOCKOPT.invokeExact(state, fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, one, 4);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return fd;
    }

    /**
     * What accept(2) says to treat as "try again": none waiting, a signal, a connection that went
     * away before it was taken, and the network errors of the new connection Linux passes on.
     */
    private static boolean retryable(int errno) {
        return switch (errno) {
            case Libc.EAGAIN, Libc.EINTR, Libc.ECONNABORTED, Libc.EPROTO, Libc.ENETDOWN, Libc.ENOPROTOOPT,
                 Libc.EHOSTDOWN, Libc.ENONET, Libc.EHOSTUNREACH, Libc.EOPNOTSUPP, Libc.ENETUNREACH -> true;
            default -> false;
        };
    }

    public boolean peerIpv6() {
        return SocketAddresses.isIpv6(peer, 0);
    }

    public int peerIpv4() {
        return SocketAddresses.ipv4(peer, 0);
    }

    public long peerIpv6High() {
        return SocketAddresses.ipv6High(peer, 0);
    }

    public long peerIpv6Low() {
        return SocketAddresses.ipv6Low(peer, 0);
    }

    /**
     * Reads up to {@code length} bytes to native address {@code to}.
     *
     * @return bytes read, 0 at the end of the stream, {@link #AGAIN} or {@link #BROKEN}
     */
    public int read(int fd, long to, int length) {
        long n;
        try {
            n = (long) Libc.READ_FAST.invokeExact(fd, to, (long) length);
            if (n < 0) {
                // Again, to learn why. A pending error (a reset) is reported once, and then the end
                // of stream: that first failure was the connection breaking.
                n = (long) Libc.READ.invokeExact(state, fd, to, (long) length);
                if (n == 0) {
                    return BROKEN;
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return n >= 0 ? (int) n : failed();
    }

    /**
     * Sends up to {@code length} bytes from native address {@code from}, without SIGPIPE when the
     * peer is gone.
     *
     * @return bytes taken (fewer when the socket's buffer filled), {@link #AGAIN} or {@link #BROKEN}
     */
    public int send(int fd, long from, int length) {
        long n;
        try {
            n = (long) Libc.SEND_FAST.invokeExact(fd, from, (long) length, Libc.MSG_NOSIGNAL);
            if (n < 0) {
                // Again, to learn why (see read); room may have come meanwhile, and then it sends.
                n = (long) Libc.SEND.invokeExact(state, fd, from, (long) length, Libc.MSG_NOSIGNAL);
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return n >= 0 ? (int) n : failed();
    }

    private int failed() {
        int errno = Libc.errno(state);
        return errno == Libc.EAGAIN || errno == Libc.EINTR ? AGAIN : BROKEN;
    }

    /**
     * Ends the sending side: the peer reads what was sent, then the end of the stream, and may
     * still send (a failure, the peer gone already, needs no answer: closing follows).
     */
    public void shutdownOutput(int fd) {
        try {
            int ignored = (int) Libc.SHUTDOWN.invokeExact(state, fd, Libc.SHUT_WR);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public void close(int fd) {
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(state, fd);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Frees the reused memory; the thread that used it calls this when it is done. */
    @Override
    public void close() {
        arena.close();
    }
}
