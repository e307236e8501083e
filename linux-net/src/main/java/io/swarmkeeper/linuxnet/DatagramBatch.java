package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * Native memory for one batch of datagrams each way, laid out once and reused for every call:
 * {@code slots} receive buffers and send buffers, one peer address per slot, and the
 * {@code struct mmsghdr} arrays recvmmsg and sendmmsg read. Slot {@code i}'s address is where a
 * receive stores the sender of datagram {@code i} and where a send to an unconnected socket reads
 * the recipient of datagram {@code i}, so a reply can go back through the same slot, or through an
 * earlier one after {@link #copyAddress}. Used by one thread at a time.
 */
public final class DatagramBatch implements AutoCloseable {
    private final int slots;
    private final Arena arena = Arena.ofShared();
    final MemorySegment receiveHeaders;
    final MemorySegment sendHeaders;
    private final MemorySegment addresses;
    private final MemorySegment sendIovecs;
    private final MemorySegment[] received;
    private final MemorySegment[] toSend;

    /**
     * @param addressed whether sends carry the slot's address (an unconnected socket) or none (a
     *                  connected one, whose peer the kernel already knows)
     */
    public DatagramBatch(int slots, int receiveSize, int sendSize, boolean addressed) {
        if (slots < 1 || slots > 1024 || receiveSize < 1 || sendSize < 1) {
            throw new IllegalArgumentException("slots 1..1024 and positive buffer sizes");
        }
        this.slots = slots;
        receiveHeaders = arena.allocate(Libc.MMSGHDR_SIZE * slots, 8);
        sendHeaders = arena.allocate(Libc.MMSGHDR_SIZE * slots, 8);
        addresses = arena.allocate((long) SocketAddresses.SIZE * slots, 8);
        MemorySegment receiveIovecs = arena.allocate(Libc.IOVEC_SIZE * slots, 8);
        sendIovecs = arena.allocate(Libc.IOVEC_SIZE * slots, 8);
        MemorySegment receiveData = arena.allocate((long) receiveSize * slots, 64);
        MemorySegment sendData = arena.allocate((long) sendSize * slots, 64);
        received = new MemorySegment[slots];
        toSend = new MemorySegment[slots];
        for (int i = 0; i < slots; i++) {
            received[i] = receiveData.asSlice((long) i * receiveSize, receiveSize);
            toSend[i] = sendData.asSlice((long) i * sendSize, sendSize);
            MemorySegment address = addresses.asSlice((long) i * SocketAddresses.SIZE, SocketAddresses.SIZE);
            iovec(receiveIovecs, i, received[i], receiveSize);
            iovec(sendIovecs, i, toSend[i], 0);
            long h = i * Libc.MMSGHDR_SIZE;
            receiveHeaders.set(ADDRESS, h + Libc.MSG_NAME, address);
            receiveHeaders.set(ADDRESS, h + Libc.MSG_IOV, receiveIovecs.asSlice(i * Libc.IOVEC_SIZE));
            receiveHeaders.set(JAVA_LONG, h + Libc.MSG_IOVLEN, 1);
            if (addressed) {
                sendHeaders.set(ADDRESS, h + Libc.MSG_NAME, address);
            }
            sendHeaders.set(ADDRESS, h + Libc.MSG_IOV, sendIovecs.asSlice(i * Libc.IOVEC_SIZE));
            sendHeaders.set(JAVA_LONG, h + Libc.MSG_IOVLEN, 1);
        }
    }

    private static void iovec(MemorySegment iovecs, int i, MemorySegment buffer, long length) {
        iovecs.set(ADDRESS, i * Libc.IOVEC_SIZE, buffer);
        iovecs.set(JAVA_LONG, i * Libc.IOVEC_SIZE + Libc.IOV_LEN, length);
    }

    public int slots() {
        return slots;
    }

    /** Slot {@code i}'s receive buffer, the same segment every time (wrap it once). */
    public MemorySegment receiveBuffer(int i) {
        return received[i];
    }

    /** The length of the datagram the last receive put in slot {@code i}, cut to the buffer's size. */
    public int receivedLength(int i) {
        return receiveHeaders.get(JAVA_INT, i * Libc.MMSGHDR_SIZE + Libc.MSG_LEN);
    }

    /** Slot {@code i}'s send buffer, the same segment every time (wrap it once). */
    public MemorySegment sendBuffer(int i) {
        return toSend[i];
    }

    /** How many bytes of slot {@code i}'s send buffer the next send takes. */
    public void sendLength(int i, int length) {
        if (length < 0 || length > toSend[i].byteSize()) {
            throw new IllegalArgumentException("length " + length + " outside slot of " + toSend[i].byteSize());
        }
        sendIovecs.set(JAVA_LONG, i * Libc.IOVEC_SIZE + Libc.IOV_LEN, length);
    }

    public boolean ipv6(int i) {
        return SocketAddresses.isIpv6(addresses, (long) i * SocketAddresses.SIZE);
    }

    /** The IPv4 address in slot {@code i}, big-endian as an int. */
    public int ipv4(int i) {
        return SocketAddresses.ipv4(addresses, (long) i * SocketAddresses.SIZE);
    }

    public long ipv6High(int i) {
        return SocketAddresses.ipv6High(addresses, (long) i * SocketAddresses.SIZE);
    }

    public long ipv6Low(int i) {
        return SocketAddresses.ipv6Low(addresses, (long) i * SocketAddresses.SIZE);
    }

    public int port(int i) {
        return SocketAddresses.port(addresses, (long) i * SocketAddresses.SIZE);
    }

    /** Slot {@code i}'s address as an object: for logs and tests, not for every datagram. */
    public InetSocketAddress address(int i) {
        return SocketAddresses.read(addresses, (long) i * SocketAddresses.SIZE);
    }

    /** Sets slot {@code i}'s address, where a send to an unconnected socket goes. */
    public void address(int i, InetSocketAddress address) {
        int length = SocketAddresses.write(addresses, (long) i * SocketAddresses.SIZE, address);
        sendHeaders.set(JAVA_INT, i * Libc.MMSGHDR_SIZE + Libc.MSG_NAMELEN, length);
    }

    /** Makes slot {@code to} address the same peer as slot {@code from}: a reply moved to an earlier slot. */
    public void copyAddress(int from, int to) {
        if (from != to) {
            MemorySegment.copy(addresses, (long) from * SocketAddresses.SIZE,
                    addresses, (long) to * SocketAddresses.SIZE, SocketAddresses.SIZE);
        }
        sendHeaders.set(JAVA_INT, to * Libc.MMSGHDR_SIZE + Libc.MSG_NAMELEN,
                receiveHeaders.get(JAVA_INT, from * Libc.MMSGHDR_SIZE + Libc.MSG_NAMELEN));
    }

    int receivedAddressLength(int i) {
        return receiveHeaders.get(JAVA_INT, i * Libc.MMSGHDR_SIZE + Libc.MSG_NAMELEN);
    }

    /** Tells the kernel every slot may take a sender's address of either family again. */
    void resetReceivedAddressLengths(int count) {
        for (int i = 0; i < count; i++) {
            receiveHeaders.set(JAVA_INT, i * Libc.MMSGHDR_SIZE + Libc.MSG_NAMELEN, SocketAddresses.SIZE);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
