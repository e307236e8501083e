package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** The set-up calls UDP and TCP sockets share: opening, options, binding, closing. Not the hot path. */
final class Sockets {
    private Sockets() {}

    static int open(boolean ipv6, int type) throws IOException {
        return open(ipv6 ? Libc.AF_INET6 : Libc.AF_INET, type, "socket");
    }

    /** socket(2) with protocol 0; {@code what} names the call in the error. */
    static int open(int domain, int type, String what) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libc.CALL_STATE);
            int fd = (int) Libc.SOCKET.invokeExact(state, domain, type, 0);
            if (fd < 0) {
                throw Libc.failure(what, state);
            }
            return fd;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void setInt(int fd, int level, int option, int value, String name) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            setOption(call, fd, level, option, call.allocateFrom(JAVA_INT, value), name);
        }
    }

    static void setOption(Arena call, int fd, int level, int option, MemorySegment value, String name)
            throws IOException {
        MemorySegment state = call.allocate(Libc.CALL_STATE);
        int result;
        try {
            result = (int) Libc.SETSOCKOPT.invokeExact(state, fd, level, option, value, (int) value.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (result != 0) {
            throw Libc.failure("setsockopt " + name, state);
        }
    }

    /** bind or connect, then the address the socket has, with the port the system chose for port 0. */
    static InetSocketAddress addressCall(int fd, boolean ipv6, MethodHandle call, String name, InetSocketAddress address)
            throws IOException {
        if ((address.getAddress() instanceof Inet6Address) != ipv6) {
            throw new IOException(name + " " + address + ": not an " + (ipv6 ? "IPv6" : "IPv4") + " address");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.CALL_STATE);
            MemorySegment sockaddr = arena.allocate(SocketAddresses.SIZE, 8);
            int length = SocketAddresses.write(sockaddr, 0, address);
            if ((int) call.invokeExact(state, fd, sockaddr, length) != 0) {
                throw Libc.failure(name + " " + address, state);
            }
            MemorySegment lengthHolder = arena.allocateFrom(JAVA_INT, SocketAddresses.SIZE);
            if ((int) Libc.GETSOCKNAME.invokeExact(state, fd, sockaddr, lengthHolder) != 0) {
                throw Libc.failure("getsockname", state);
            }
            return SocketAddresses.read(sockaddr, 0);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes a descriptor; a failure (EINTR, EIO) is not worth a caller's attention, the number is free either way. */
    static void close(int fd) {
        try (Arena call = Arena.ofConfined()) {
            int ignored = (int) Libc.CLOSE.invokeExact(call.allocate(Libc.CALL_STATE), fd);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
