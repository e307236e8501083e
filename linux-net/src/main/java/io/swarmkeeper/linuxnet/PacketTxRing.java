package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * A send-only AF_PACKET socket with a transmit ring (TPACKET_V2, qdisc bypass) on one interface:
 * whole Ethernet frames are written into shared memory and one {@code send} hands the kernel all
 * that are queued, past its IP and UDP send paths. A load generator uses it to send on loopback
 * for less of its CPU than a UDP socket's {@code sendmmsg} costs. It is bound to no protocol, so
 * it receives nothing and no packet on the interface is copied to it. Needs CAP_NET_RAW; one
 * thread at a time.
 */
public final class PacketTxRing implements AutoCloseable {
    /** Bytes per ring frame; a frame's data starts {@link #DATA} bytes in, after the kernel's header. */
    public static final int FRAME_SIZE = 2048;
    /** TPACKET2_HDRLEN minus the sockaddr_ll the kernel would put there on receive. */
    static final int DATA = 32;
    /** The most an Ethernet frame may take of a ring frame. */
    public static final int MAX_FRAME = FRAME_SIZE - DATA;
    static final int FRAMES = 1024;
    private static final int BLOCK_SIZE = 1 << 16;
    private static final int AF_PACKET = 17;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_VERSION = 10;
    private static final int PACKET_TX_RING = 13;
    private static final int PACKET_QDISC_BYPASS = 20;
    private static final int TPACKET_V2 = 1;
    private static final int STATUS_AVAILABLE = 0;
    private static final int STATUS_SEND_REQUEST = 1;
    private static final VarHandle STATUS = JAVA_INT.varHandle();

    private final int fd;
    private final MemorySegment mapping;
    private final MemorySegment[] headers = new MemorySegment[FRAMES];
    private final MemorySegment[] frames = new MemorySegment[FRAMES];
    private final MemorySegment kickState;
    private final Arena arena = Arena.ofShared();
    private int next;
    private boolean closed;

    private PacketTxRing(int fd, MemorySegment mapping) {
        this.fd = fd;
        this.mapping = mapping;
        for (int i = 0; i < FRAMES; i++) {
            headers[i] = mapping.asSlice((long) i * FRAME_SIZE, DATA);
            frames[i] = mapping.asSlice((long) i * FRAME_SIZE + DATA, MAX_FRAME);
        }
        kickState = arena.allocate(Libc.CALL_STATE);
    }

    /** Opens the socket on {@code iface} (e.g. "lo"). */
    public static PacketTxRing open(String iface) throws IOException {
        int index = XdpSocket.interfaceIndex(iface);
        int fd = Sockets.open(AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC,
                "socket AF_PACKET (needs CAP_NET_RAW)");
        try (Arena setup = Arena.ofConfined()) {
            Sockets.setInt(fd, SOL_PACKET, PACKET_VERSION, TPACKET_V2, "PACKET_VERSION");
            Sockets.setInt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, 1, "PACKET_QDISC_BYPASS");
            // struct tpacket_req: block size, block count, frame size, frame count
            MemorySegment request = setup.allocate(16, 4);
            request.set(JAVA_INT, 0, BLOCK_SIZE);
            request.set(JAVA_INT, 4, FRAMES * FRAME_SIZE / BLOCK_SIZE);
            request.set(JAVA_INT, 8, FRAME_SIZE);
            request.set(JAVA_INT, 12, FRAMES);
            Sockets.setOption(setup, fd, SOL_PACKET, PACKET_TX_RING, request, "PACKET_TX_RING");
            MemorySegment mapping = map(setup, fd);
            // struct sockaddr_ll: family, protocol 0 (receive nothing), interface index, then unused fields
            MemorySegment link = setup.allocate(20, 4);
            link.set(JAVA_SHORT, 0, (short) AF_PACKET);
            link.set(JAVA_INT, 4, index);
            try {
                bind(setup, fd, link);
            } catch (IOException | RuntimeException e) {
                unmap(mapping);
                throw e;
            }
            return new PacketTxRing(fd, mapping);
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    public int frames() {
        return FRAMES;
    }

    /** Ring frame {@code i}, for an Ethernet frame of at most {@link #MAX_FRAME} bytes; the same segment every lap. */
    public MemorySegment frame(int i) {
        return frames[i];
    }

    /**
     * The index of the next ring frame to write, or -1 while the kernel still holds it: a receiver
     * has not yet taken the datagram it carried a full lap ago. Frames go out in ring order.
     */
    public int next() {
        return (int) STATUS.getAcquire(headers[next], 0L) == STATUS_AVAILABLE ? next : -1;
    }

    /** Queues the frame {@link #next} named, {@code length} bytes long, for the next {@link #send}. */
    public void queue(int length) {
        if (length < 14 || length > MAX_FRAME) {
            throw new IllegalArgumentException("frame length " + length + " outside 14.." + MAX_FRAME);
        }
        headers[next].set(JAVA_INT, 4, length);
        STATUS.setRelease(headers[next], 0L, STATUS_SEND_REQUEST);
        next = next + 1 == FRAMES ? 0 : next + 1;
    }

    /** Hands the kernel every queued frame; it sends them before it returns, and never waits for receivers. */
    public void send() throws IOException {
        try {
            long sent = (long) Libc.SENDTO_FAST.invokeExact(fd, 0L, 0L, Libc.MSG_DONTWAIT, 0L, 0);
            if (sent < 0) {
                // asked again with errno captured: the fast handle has none
                long again = (long) Libc.SEND.invokeExact(kickState, fd, 0L, 0L, Libc.MSG_DONTWAIT);
                if (again < 0) {
                    throw Libc.failure("send on AF_PACKET ring", kickState);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            unmap(mapping);
        } finally {
            Sockets.close(fd);
            arena.close();
        }
    }

    private static void unmap(MemorySegment mapping) {
        try (Arena call = Arena.ofConfined()) {
            int ignored = (int) Libc.MUNMAP.invokeExact(call.allocate(Libc.CALL_STATE), mapping, mapping.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MemorySegment map(Arena setup, int fd) throws IOException {
        long length = (long) FRAMES * FRAME_SIZE;
        MemorySegment state = setup.allocate(Libc.CALL_STATE);
        try {
            MemorySegment address = (MemorySegment) Libc.MMAP.invokeExact(state, MemorySegment.NULL, length,
                    Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0L);
            if (address.address() == -1L) {
                throw Libc.failure("mmap AF_PACKET ring", state);
            }
            return address.reinterpret(length);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(Arena setup, int fd, MemorySegment link) throws IOException {
        MemorySegment state = setup.allocate(Libc.CALL_STATE);
        try {
            if ((int) Libc.BIND.invokeExact(state, fd, link, (int) link.byteSize()) != 0) {
                throw Libc.failure("bind AF_PACKET", state);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
