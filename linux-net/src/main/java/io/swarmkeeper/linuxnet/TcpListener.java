package io.swarmkeeper.linuxnet;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * A listening TCP socket, non-blocking, whose connections a {@link TcpIo} accepts. With
 * {@code reusePort} several may share an address, the kernel spreading new connections over them.
 */
public final class TcpListener implements AutoCloseable {
    private final int fd;
    private final InetSocketAddress address;
    private boolean closed;

    private TcpListener(int fd, InetSocketAddress address) {
        this.fd = fd;
        this.address = address;
    }

    /**
     * Binds {@code address} (an IPv6 one for IPv6 only, so IPv4 can have the same port) and listens.
     *
     * @return the listener, whose {@link #address} has the port the system chose for port 0
     */
    public static TcpListener open(InetSocketAddress address, int backlog, boolean reusePort) throws IOException {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        int fd = Sockets.open(ipv6, Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC);
        try {
            // A restarted tracker can bind while its old connections linger in TIME_WAIT.
            Sockets.setInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1, "SO_REUSEADDR");
            if (reusePort) {
                Sockets.setInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEPORT, 1, "SO_REUSEPORT");
            }
            if (ipv6) {
                Sockets.setInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY, 1, "IPV6_V6ONLY");
            }
            InetSocketAddress bound = Sockets.addressCall(fd, ipv6, Libc.BIND, "bind", address);
            listen(fd, backlog);
            return new TcpListener(fd, bound);
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    private static void listen(int fd, int backlog) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libc.CALL_STATE);
            if ((int) Libc.LISTEN.invokeExact(state, fd, backlog) != 0) {
                throw Libc.failure("listen", state);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public int fd() {
        return fd;
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Sockets.close(fd);
        }
    }
}
