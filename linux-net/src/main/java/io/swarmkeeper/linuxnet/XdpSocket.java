package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * An AF_XDP socket on one receive queue of one interface, fed by an {@link XdpRedirector} with the
 * UDP datagrams for one IPv4 address and port: whole frames, Ethernet header first, copied by the
 * kernel into frames of memory this socket shares with it, without the socket layer, and sent from
 * there the same way. Every other packet still reaches the kernel's stack, so an ordinary socket
 * on the same port serves IPv6, fragments and the rest.
 *
 * <p>Each frame is {@link #FRAME_SIZE} bytes: the kernel writes a received packet into its first
 * half, and the answer goes out of its second half, so a request can be read while its answer is
 * written. A frame goes around: fill ring (the kernel's to write into), receive ring, then either
 * back to the fill ring (no answer) or to the transmit ring, and from the completion ring back to
 * the fill ring. The rings hold every frame at once, so they never overflow.
 *
 * <p>One thread does the receiving and sending; another may {@link #close} once it has stopped.
 * Needs CAP_NET_ADMIN (or root). Generic mode (copies, on any interface, loopback included).
 */
public final class XdpSocket implements AutoCloseable {
    public static final int FRAME_SIZE = 4096;
    /** Where in a frame the answer frame starts. */
    public static final int ANSWER_OFFSET = FRAME_SIZE / 2;
    /** Where in its frame the kernel puts a received packet (XDP_PACKET_HEADROOM). */
    private static final int KERNEL_HEADROOM = 256;
    private static final int ETHERNET_HEADER = 14;
    /**
     * The longest IP packet redirected here, so that a request ends before its answer starts (a
     * BEP 15 request is at most 1,524 bytes); a longer one goes to the ordinary socket.
     */
    static final int MAX_PACKET = ANSWER_OFFSET - KERNEL_HEADROOM - ETHERNET_HEADER;
    private static final int FRAMES = 4096;
    private static final int RING_SIZE = FRAMES;
    private static final int DESCRIPTOR_SIZE = 16;
    private static final int XDP_MMAP_OFFSETS = 1;
    private static final int XDP_RX_RING = 2;
    private static final int XDP_TX_RING = 3;
    private static final int XDP_UMEM_REG = 4;
    private static final int XDP_UMEM_FILL_RING = 5;
    private static final int XDP_UMEM_COMPLETION_RING = 6;
    private static final int XDP_STATISTICS = 7;
    private static final int XDP_COPY = 1 << 1;
    private static final long PGOFF_RX_RING = 0;
    private static final long PGOFF_TX_RING = 0x80000000L;
    private static final long PGOFF_FILL_RING = 0x100000000L;
    private static final long PGOFF_COMPLETION_RING = 0x180000000L;
    private static final long FRAME_MASK = ~(long) (FRAME_SIZE - 1);
    private static final VarHandle INDEX = JAVA_INT.varHandle();
    /**
     * The kernel sends a limited batch per kick and must be kicked again for the rest; at most this
     * many kicks a flush, so that a device that sends nothing cannot hold the thread.
     */
    private static final int MAX_KICKS = 1024;
    private static final int BIND_ATTEMPTS = 100;
    private static final long BIND_RETRY_MILLIS = 20;

    private final Arena arena = Arena.ofShared();
    /** Holds the frames: freed only after the socket, which the kernel writes them through, is closed. */
    private final Arena memory;
    private final MemorySegment frames;
    private final int fd;
    private final Ring receiving;
    private final Ring transmitting;
    private final Ring filling;
    private final Ring completing;
    private final MemorySegment pollFd;
    private final MemorySegment ioState;
    private final long[] receivedAddresses;
    private final int[] receivedLengths;

    private XdpSocket(int fd, MemorySegment frames, Ring[] rings, int batch, Arena memory) {
        this.memory = memory;
        this.fd = fd;
        this.frames = frames;
        this.receiving = rings[0];
        this.transmitting = rings[1];
        this.filling = rings[2];
        this.completing = rings[3];
        this.pollFd = arena.allocate(8, 8);
        pollFd.set(JAVA_INT, 0, fd);
        pollFd.set(JAVA_SHORT, 4, Libc.POLLIN);
        this.ioState = arena.allocate(Libc.CALL_STATE);
        this.receivedAddresses = new long[batch];
        this.receivedLengths = new int[batch];
    }

    /**
     * Opens a socket bound to {@code queue} of {@code interfaceName}; it receives nothing until an
     * {@link XdpRedirector} sends it datagrams.
     *
     * @param batch most frames one {@link #receive} returns
     */
    public static XdpSocket open(String interfaceName, int queue, int batch) throws IOException {
        int ifindex = interfaceIndex(interfaceName);
        int fd = -1;
        Ring[] rings = new Ring[4];
        Arena memory = Arena.ofShared();
        try (Arena setup = Arena.ofConfined()) {
            fd = Sockets.open(Libc.AF_XDP, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, "socket AF_XDP");
            MemorySegment frames = memory.allocate((long) FRAMES * FRAME_SIZE, 4096);
            MemorySegment registration = setup.allocate(32, 8);
            registration.set(JAVA_LONG, 0, frames.address());
            registration.set(JAVA_LONG, 8, frames.byteSize());
            registration.set(JAVA_INT, 16, FRAME_SIZE);
            Sockets.setOption(setup, fd, Libc.SOL_XDP, XDP_UMEM_REG, registration, "XDP_UMEM_REG");
            for (int option : new int[] {XDP_RX_RING, XDP_TX_RING, XDP_UMEM_FILL_RING, XDP_UMEM_COMPLETION_RING}) {
                Sockets.setInt(fd, Libc.SOL_XDP, option, RING_SIZE, "XDP ring size");
            }
            MemorySegment offsets = ringOffsets(setup, fd);
            rings[0] = Ring.map(fd, offsets, 0, DESCRIPTOR_SIZE, PGOFF_RX_RING, true);
            rings[1] = Ring.map(fd, offsets, 32, DESCRIPTOR_SIZE, PGOFF_TX_RING, false);
            rings[2] = Ring.map(fd, offsets, 64, 8, PGOFF_FILL_RING, false);
            rings[3] = Ring.map(fd, offsets, 96, 8, PGOFF_COMPLETION_RING, true);
            // Every frame starts in the kernel's hands.
            for (int i = 0; i < FRAMES; i++) {
                rings[2].descriptors.set(JAVA_LONG, rings[2].slot(i) * 8, (long) i * FRAME_SIZE);
            }
            rings[2].local += FRAMES;
            rings[2].publish();
            MemorySegment sockaddr = setup.allocate(16, 8);
            sockaddr.set(JAVA_SHORT, 0, (short) Libc.AF_XDP);
            sockaddr.set(JAVA_SHORT, 2, (short) XDP_COPY);
            sockaddr.set(JAVA_INT, 4, ifindex);
            sockaddr.set(JAVA_INT, 8, queue);
            bind(setup, fd, sockaddr, interfaceName, queue);
            return new XdpSocket(fd, frames, rings, batch, memory);
        } catch (IOException | RuntimeException e) {
            for (Ring ring : rings) {
                if (ring != null) {
                    ring.unmap();
                }
            }
            if (fd >= 0) {
                Sockets.close(fd);
            }
            memory.close();
            throw e;
        }
    }

    int fd() {
        return fd;
    }

    /** The frames shared with the kernel: a received packet and its answer are at the addresses given. */
    public MemorySegment frames() {
        return frames;
    }

    /**
     * Takes up to the batch's size of received frames, waiting up to {@code timeoutMillis} for one
     * if none is there; returns how many, each then at {@link #receivedAddress} for
     * {@link #receivedLength} bytes, the frame the caller's until it hands it to {@link #release}
     * or {@link #transmit}.
     */
    public int receive(int timeoutMillis) throws IOException {
        int n = receiving.available();
        if (n == 0 && timeoutMillis != 0) {
            poll(timeoutMillis);
            n = receiving.available();
        }
        n = Math.min(n, receivedAddresses.length);
        for (int i = 0; i < n; i++) {
            long at = receiving.slot(i) * DESCRIPTOR_SIZE;
            receivedAddresses[i] = receiving.descriptors.get(JAVA_LONG, at);
            receivedLengths[i] = receiving.descriptors.get(JAVA_INT, at + 8);
        }
        receiving.consume(n);
        return n;
    }

    public long receivedAddress(int i) {
        return receivedAddresses[i];
    }

    public int receivedLength(int i) {
        return receivedLengths[i];
    }

    /** Gives the frame holding {@code address} back to the kernel to receive into. */
    public void release(long address) {
        filling.descriptors.set(JAVA_LONG, filling.slot(0) * 8, address & FRAME_MASK);
        filling.local++;
    }

    /** Queues {@code length} bytes at {@code address} to be sent by {@link #flush}. */
    public void transmit(long address, int length) {
        long at = transmitting.slot(0) * DESCRIPTOR_SIZE;
        transmitting.descriptors.set(JAVA_LONG, at, address);
        transmitting.descriptors.set(JAVA_LONG, at + 8, length & 0xFFFF_FFFFL);
        transmitting.local++;
    }

    /** The kernel's counts for this socket; any thread may ask, at any time before {@link #close}. */
    public XdpStatistics statistics() throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libc.CALL_STATE);
            MemorySegment counts = call.allocate(48, 8);
            MemorySegment length = call.allocateFrom(JAVA_INT, 48);
            if ((int) Libc.GETSOCKOPT.invokeExact(state, fd, Libc.SOL_XDP, XDP_STATISTICS, counts, length) != 0) {
                throw Libc.failure("getsockopt XDP_STATISTICS", state);
            }
            return new XdpStatistics(counts.get(JAVA_LONG, 0), counts.get(JAVA_LONG, 8), counts.get(JAVA_LONG, 16),
                    counts.get(JAVA_LONG, 24), counts.get(JAVA_LONG, 32), counts.get(JAVA_LONG, 40));
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends what {@link #transmit} queued and gives the kernel back the frames sent and released.
     * What the kernel has not taken after {@link #MAX_KICKS} kicks (its device down, say) stays
     * queued for the next flush.
     */
    public void flush() {
        if (transmitting.unpublished()) {
            transmitting.publish();
            for (int kicks = 0; transmitting.pending() && kicks < MAX_KICKS; kicks++) {
                kick();
            }
        }
        int done = completing.available();
        for (int i = 0; i < done; i++) {
            release(completing.descriptors.get(JAVA_LONG, completing.slot(i) * 8));
        }
        completing.consume(done);
        if (filling.unpublished()) {
            filling.publish();
        }
    }

    private void kick() {
        try {
            long ignored = (long) Libc.SENDTO_FAST.invokeExact(fd, 0L, 0L, Libc.MSG_DONTWAIT, 0L, 0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for frames; errno is asked for only if the call failed (see {@link Libc}). */
    private void poll(int timeoutMillis) throws IOException {
        int result;
        try {
            result = (int) Libc.POLL_NO_ERRNO.invokeExact(pollFd, 1L, timeoutMillis);
            if (result < 0) {
                // Once more without waiting, to learn why.
                result = (int) Libc.POLL.invokeExact(ioState, pollFd, 1L, 0);
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (result < 0 && Libc.errno(ioState) != Libc.EINTR) {
            throw Libc.failure("poll", ioState);
        }
    }

    @Override
    public void close() {
        receiving.unmap();
        transmitting.unmap();
        filling.unmap();
        completing.unmap();
        Sockets.close(fd);
        arena.close();
        memory.close();
    }

    static int interfaceIndex(String name) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libc.CALL_STATE);
            int index = (int) Libc.IF_NAMETOINDEX.invokeExact(state, call.allocateFrom(name));
            if (index == 0) {
                throw Libc.failure("interface " + name, state);
            }
            return index;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MemorySegment ringOffsets(Arena setup, int fd) throws IOException {
        MemorySegment state = setup.allocate(Libc.CALL_STATE);
        MemorySegment offsets = setup.allocate(128, 8);
        MemorySegment length = setup.allocateFrom(JAVA_INT, 128);
        try {
            if ((int) Libc.GETSOCKOPT.invokeExact(state, fd, Libc.SOL_XDP, XDP_MMAP_OFFSETS, offsets, length) != 0) {
                throw Libc.failure("getsockopt XDP_MMAP_OFFSETS", state);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return offsets;
    }

    /**
     * Binds to the queue. A socket closed on the same queue a moment ago (by a restart, say) lets
     * it go only once the kernel's deferred clean-up has run, so a busy queue is tried again for
     * a while before the refusal counts.
     */
    private static void bind(Arena setup, int fd, MemorySegment sockaddr, String interfaceName, int queue)
            throws IOException {
        MemorySegment state = setup.allocate(Libc.CALL_STATE);
        for (int attempt = 1; ; attempt++) {
            int result;
            try {
                result = (int) Libc.BIND.invokeExact(state, fd, sockaddr, (int) sockaddr.byteSize());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (result == 0) {
                return;
            }
            if (Libc.errno(state) != Libc.EBUSY || attempt == BIND_ATTEMPTS) {
                throw Libc.failure("bind AF_XDP " + interfaceName + " queue " + queue, state);
            }
            try {
                Thread.sleep(BIND_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while binding AF_XDP " + interfaceName + " queue " + queue);
            }
        }
    }

    /**
     * One of the four rings, mapped from the socket: a producer and a consumer index, free-running
     * 32-bit counters, and a power-of-two array of descriptors. This side keeps its own index
     * ({@link #local}) and publishes it with release ordering; it reads the other side's with
     * acquire ordering, so the descriptors that index covers are visible.
     */
    private static final class Ring {
        final MemorySegment mapping;
        final MemorySegment producer;
        final MemorySegment consumer;
        final MemorySegment descriptors;
        final int mask;
        /** What this side has produced (fill, transmit rings) or consumed (receive, completion rings). */
        int local;

        private Ring(MemorySegment mapping, long producerAt, long consumerAt, long descriptorsAt, int size,
                     int descriptorSize, boolean consumerSide) {
            this.mapping = mapping;
            this.producer = mapping.asSlice(producerAt, 4);
            this.consumer = mapping.asSlice(consumerAt, 4);
            this.descriptors = mapping.asSlice(descriptorsAt, (long) size * descriptorSize);
            this.mask = size - 1;
            this.local = (int) INDEX.getAcquire(consumerSide ? consumer : producer, 0L);
        }

        static Ring map(int fd, MemorySegment offsets, long at, int descriptorSize, long pageOffset,
                        boolean consumerSide) throws IOException {
            long producerAt = offsets.get(JAVA_LONG, at);
            long consumerAt = offsets.get(JAVA_LONG, at + 8);
            long descriptorsAt = offsets.get(JAVA_LONG, at + 16);
            long length = descriptorsAt + (long) RING_SIZE * descriptorSize;
            try (Arena call = Arena.ofConfined()) {
                MemorySegment state = call.allocate(Libc.CALL_STATE);
                MemorySegment address = (MemorySegment) Libc.MMAP.invokeExact(state, MemorySegment.NULL, length,
                        Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED | Libc.MAP_POPULATE, fd, pageOffset);
                if (address.address() == -1L) {
                    throw Libc.failure("mmap XDP ring", state);
                }
                return new Ring(address.reinterpret(length), producerAt, consumerAt, descriptorsAt, RING_SIZE,
                        descriptorSize, consumerSide);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** The ring slot {@code i} entries past this side's index. */
        long slot(int i) {
            return (local + i) & mask;
        }

        /** For a consumer: how many entries the other side has produced that this one has not consumed. */
        int available() {
            return (int) INDEX.getAcquire(producer, 0L) - local;
        }

        void consume(int n) {
            local += n;
            INDEX.setRelease(consumer, 0L, local);
        }

        /** For a producer: whether it produced entries it has not published. */
        boolean unpublished() {
            return (int) INDEX.get(producer, 0L) != local;
        }

        void publish() {
            INDEX.setRelease(producer, 0L, local);
        }

        /** For a producer: whether the other side has yet to consume some of what was published. */
        boolean pending() {
            return (int) INDEX.getAcquire(consumer, 0L) != local;
        }

        void unmap() {
            try (Arena call = Arena.ofConfined()) {
                int ignored = (int) Libc.MUNMAP.invokeExact(call.allocate(Libc.CALL_STATE), mapping, mapping.byteSize());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
