package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The headers of an Ethernet frame carrying IPv4 (without options) and UDP, as {@link XdpRedirect}
 * passes them to an AF_XDP socket: what a received frame says, and the headers of the answer sent
 * back the way it came. A codec: no I/O, frames are read and written where they lie.
 */
public final class Ipv4UdpFrame {
    /** Where the UDP payload starts. */
    public static final int PAYLOAD = XdpRedirect.HEADERS;
    private static final int IP = 14;
    private static final int UDP = IP + 20;
    private static final ValueLayout.OfShort SHORT = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int DONT_FRAGMENT = 0x4000;
    private static final int TTL = 64;
    private static final int PROTOCOL_UDP = 17;

    private Ipv4UdpFrame() {}

    /**
     * The UDP payload's length in the {@code length}-byte frame at {@code at}, or -1 if the IP and
     * UDP lengths do not fit the frame and each other. The program checked the rest; a frame may be
     * longer than its packet (Ethernet pads short ones), never shorter.
     */
    public static int payloadLength(MemorySegment frames, long at, int length) {
        if (length < PAYLOAD) {
            return -1;
        }
        int total = Short.toUnsignedInt(frames.get(SHORT, at + IP + 2));
        int udp = Short.toUnsignedInt(frames.get(SHORT, at + UDP + 4));
        if (total < 28 || IP + total > length || udp < 8 || udp > total - 20) {
            return -1;
        }
        return udp - 8;
    }

    /** The sender's IPv4 address, as a big-endian int. */
    public static int sourceAddress(MemorySegment frames, long at) {
        return frames.get(INT, at + IP + 12);
    }

    public static int sourcePort(MemorySegment frames, long at) {
        return Short.toUnsignedInt(frames.get(SHORT, at + UDP));
    }

    /**
     * Writes at {@code to} the headers of the answer to the frame at {@code from}, for
     * {@code payloadLength} bytes already at {@code to + PAYLOAD}: addresses and ports swapped,
     * Don't Fragment set, identification 0 (RFC 6864 allows it for datagrams never fragmented), and
     * no UDP checksum, which IPv4 allows (RFC 768), so the receiver has nothing to verify.
     */
    public static void writeAnswer(MemorySegment frames, long from, long to, int payloadLength) {
        // Ethernet: destination and source swapped, then the type (IPv4).
        MemorySegment.copy(frames, from + 6, frames, to, 6);
        MemorySegment.copy(frames, from, frames, to + 6, 6);
        int sender = frames.get(INT, from + IP + 12);
        int senderPort = Short.toUnsignedInt(frames.get(SHORT, from + UDP));
        int us = frames.get(INT, from + IP + 16);
        int ourPort = Short.toUnsignedInt(frames.get(SHORT, from + UDP + 2));
        writeIpAndUdp(frames, to, us, ourPort, sender, senderPort, payloadLength);
    }

    /**
     * Writes at {@code to} the headers of a datagram from {@code source}:{@code sourcePort} to
     * {@code destination}:{@code destinationPort} (IPv4 addresses big-endian as ints) for
     * {@code payloadLength} bytes already at {@code to + PAYLOAD}, as loopback carries it: Ethernet
     * addresses all zero, otherwise as {@link #writeAnswer} writes them.
     */
    public static void writeDatagram(MemorySegment frames, long to, int source, int sourcePort, int destination,
                                     int destinationPort, int payloadLength) {
        frames.set(INT, to, 0);
        frames.set(INT, to + 4, 0);
        frames.set(INT, to + 8, 0);
        writeIpAndUdp(frames, to, source, sourcePort, destination, destinationPort, payloadLength);
    }

    private static void writeIpAndUdp(MemorySegment frames, long to, int source, int sourcePort, int destination,
                                      int destinationPort, int payloadLength) {
        frames.set(SHORT, to + 12, (short) 0x0800);
        int total = 28 + payloadLength;
        frames.set(INT, to + IP, 0x4500_0000 | total);
        frames.set(INT, to + IP + 4, DONT_FRAGMENT);
        frames.set(INT, to + IP + 8, TTL << 24 | PROTOCOL_UDP << 16);
        frames.set(INT, to + IP + 12, source);
        frames.set(INT, to + IP + 16, destination);
        frames.set(SHORT, to + IP + 10, (short) checksum(0x4500 + total + DONT_FRAGMENT + (TTL << 8 | PROTOCOL_UDP),
                source, destination));
        frames.set(SHORT, to + UDP, (short) sourcePort);
        frames.set(SHORT, to + UDP + 2, (short) destinationPort);
        frames.set(INT, to + UDP + 4, (8 + payloadLength) << 16);
    }

    /** The IPv4 header checksum: the one's complement of the one's-complement sum of its 16-bit words. */
    static int checksum(int fixedWords, int source, int destination) {
        long sum = fixedWords + (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) ~sum & 0xFFFF;
    }
}
