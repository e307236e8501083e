package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;

/**
 * A UDP socket read and written a batch of datagrams per system call (recvmmsg, sendmmsg), through
 * a {@link DatagramBatch}'s reused native memory: nothing is allocated per datagram or per call.
 * One thread does the receiving and sending; another may {@link #shutdownInput} or {@link #close}.
 * Blocking by default: {@link #receive} with {@code wait} sleeps in the kernel until a datagram
 * comes, the receive timeout passes, or the input is shut down.
 */
public final class BatchSocket implements AutoCloseable {
    private final int fd;
    private final boolean ipv6;
    private final Arena arena = Arena.ofShared();
    /** errno of the I/O thread's calls; control calls from other threads use their own. */
    private final MemorySegment ioState = arena.allocate(Libc.CALL_STATE);
    private volatile boolean closed;
    /**
     * A connected socket learns of an ICMP refusal from the one call that meets it, so its calls
     * capture errno every time; an unconnected one is told nothing of the kind and asks for errno
     * only after a call failed (capturing it costs an object per call, see {@link Libc}).
     */
    private boolean connected;

    private BatchSocket(int fd, boolean ipv6) {
        this.fd = fd;
        this.ipv6 = ipv6;
    }

    public static BatchSocket open(boolean ipv6) throws IOException {
        return new BatchSocket(Sockets.open(ipv6, Libc.SOCK_DGRAM), ipv6);
    }

    public boolean ipv6() {
        return ipv6;
    }

    /** Lets other sockets bind the same address and port, the kernel spreading senders over them. */
    public void reusePort() throws IOException {
        setInt(Libc.SOL_SOCKET, Libc.SO_REUSEPORT, 1, "SO_REUSEPORT");
    }

    /** An IPv6 socket on [::] takes IPv6 only, so an IPv4 socket can have the same port. */
    public void ipv6Only() throws IOException {
        setInt(Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY, 1, "IPV6_V6ONLY");
    }

    /**
     * Sends IPv4 datagrams with Don't Fragment set and without the path-MTU bookkeeping
     * (IP_PMTUDISC_PROBE), for a sender whose datagrams are sized never to need fragments. The
     * default already sets the flag, but keeps datagrams fragmentable by this host, so the kernel
     * computes an IP identification for each one: 2.5 % of a loopback tracker's CPU (perf). With
     * the flag the identification is 0, as RFC 6864 allows for datagrams that are never fragmented.
     * An IPv6 datagram carries no identification unless fragmented: nothing to do there.
     */
    public void dontFragment() throws IOException {
        if (!ipv6) {
            setInt(Libc.IPPROTO_IP, Libc.IP_MTU_DISCOVER, Libc.IP_PMTUDISC_PROBE, "IP_MTU_DISCOVER");
        }
    }

    /** Asks for a receive buffer of this size; the kernel caps it at net.core.rmem_max. */
    public void receiveBufferSize(int bytes) throws IOException {
        setInt(Libc.SOL_SOCKET, Libc.SO_RCVBUF, bytes, "SO_RCVBUF");
    }

    public void sendBufferSize(int bytes) throws IOException {
        setInt(Libc.SOL_SOCKET, Libc.SO_SNDBUF, bytes, "SO_SNDBUF");
    }

    /** How long a waiting receive sleeps without a datagram before it returns 0. */
    public void receiveTimeout(Duration timeout) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment timeval = call.allocate(16, 8);
            timeval.set(JAVA_LONG, 0, timeout.toSeconds());
            timeval.set(JAVA_LONG, 8, timeout.toNanosPart() / 1000);
            Sockets.setOption(call, fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, timeval, "SO_RCVTIMEO");
        }
    }

    private void setInt(int level, int option, int value, String name) throws IOException {
        Sockets.setInt(fd, level, option, value, name);
    }

    /** Binds and returns the address bound, with the port the system chose for port 0. */
    public InetSocketAddress bind(InetSocketAddress address) throws IOException {
        return Sockets.addressCall(fd, ipv6, Libc.BIND, "bind", address);
    }

    /** Fixes the peer: sends need no address, and datagrams from anyone else are not received. */
    public InetSocketAddress connect(InetSocketAddress address) throws IOException {
        InetSocketAddress local = Sockets.addressCall(fd, ipv6, Libc.CONNECT, "connect", address);
        connected = true;
        return local;
    }

    /**
     * Receives up to a batch of datagrams into slots 0..n-1 and returns n. With {@code wait}, sleeps
     * until the first datagram, then takes what else is queued without waiting; 0 means the receive
     * timeout passed or the input was shut down. Without, returns 0 when nothing is queued.
     *
     * @throws PortUnreachableException when a connected socket's peer is not listening
     */
    public int receive(DatagramBatch batch, boolean wait) throws IOException {
        batch.resetReceivedAddressLengths(batch.slots());
        int n;
        try {
            int flags = wait ? Libc.MSG_WAITFORONE : Libc.MSG_DONTWAIT;
            if (connected) {
                n = (int) Libc.RECVMMSG.invokeExact(ioState, fd, batch.receiveHeaders, batch.slots(), flags,
                        MemorySegment.NULL);
            } else {
                n = (int) Libc.RECVMMSG_NO_ERRNO.invokeExact(fd, batch.receiveHeaders, batch.slots(), flags,
                        MemorySegment.NULL);
                if (n < 0) {
                    // Again without waiting, to learn why.
                    n = (int) Libc.RECVMMSG.invokeExact(ioState, fd, batch.receiveHeaders, batch.slots(),
                            Libc.MSG_DONTWAIT, MemorySegment.NULL);
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (n == 1 && batch.receivedLength(0) == 0 && batch.receivedAddressLength(0) == 0) {
            // What a shut-down input reads: an empty message from nobody (a real datagram has a sender).
            return 0;
        }
        if (n >= 0) {
            return n;
        }
        return failed("recvmmsg");
    }

    /**
     * Sends slots {@code from .. from+count-1}, each with the length set by
     * {@link DatagramBatch#sendLength}, and returns how many the kernel took: fewer than asked when
     * a non-blocking socket's buffer is full (then 0) or a datagram was refused.
     *
     * @throws PortUnreachableException when a connected socket's peer is not listening
     */
    public int send(DatagramBatch batch, int from, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        int n;
        try {
            MemorySegment headers = from == 0 ? batch.sendHeaders : batch.sendHeaders.asSlice(from * Libc.MMSGHDR_SIZE);
            if (connected) {
                n = (int) Libc.SENDMMSG.invokeExact(ioState, fd, headers, count, 0);
            } else {
                n = (int) Libc.SENDMMSG_NO_ERRNO.invokeExact(fd, headers, count, 0);
                if (n < 0) {
                    // Again, to learn why; room may have come meanwhile, and then it sends.
                    n = (int) Libc.SENDMMSG.invokeExact(ioState, fd, headers, count, 0);
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (n >= 0) {
            return n;
        }
        return failed("sendmmsg");
    }

    /**
     * 0 for what only means "nothing now" (EAGAIN, EINTR); otherwise the failure. ECONNREFUSED is
     * a connected socket's earlier datagram meeting a closed port: the peer is not listening.
     */
    private int failed(String call) throws IOException {
        int errno = Libc.errno(ioState);
        if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
            return 0;
        }
        if (errno == Libc.ECONNREFUSED) {
            throw new PortUnreachableException(call + ": " + Libc.describe(errno));
        }
        throw closedOr(Libc.failure(call, ioState));
    }

    /** Wakes a receive waiting in the kernel; later receives return 0 at once. */
    public void shutdownInput() {
        try (Arena call = Arena.ofConfined()) {
            int ignored = (int) Libc.SHUTDOWN.invokeExact(call.allocate(Libc.CALL_STATE), fd, Libc.SHUT_RD);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private IOException closedOr(IOException e) {
        return closed ? new IOException("socket closed", e) : e;
    }

    /** Closes the socket. Call it after the I/O thread has stopped: a closed descriptor's number is reused. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Sockets.close(fd);
        arena.close();
    }
}
