package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.CompactPeers;

/**
 * BEP 15 announce reply. An IPv4 request is answered with 6-byte IPv4 peers, an IPv6 request with
 * 18-byte IPv6 peers (BEP 15: the family of the reply is the family of the request), so a reader
 * must say which it expects. Offsets are from the packet's reader index.
 *
 * <pre>
 * offset  size  field
 *      0     4  action 1
 *      4     4  transaction id
 *      8     4  interval (seconds)
 *     12     4  leechers
 *     16     4  seeders
 *     20  6 or 18 per peer, until the end of the packet:
 *                 IPv4 address (4) or IPv6 address (16), then port (2)
 * </pre>
 */
public final class UdpAnnounceResponse {
    public static final int ACTION_OFFSET = UdpResponseHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpResponseHeader.TRANSACTION_ID_OFFSET;
    public static final int INTERVAL_OFFSET = 8;
    public static final int LEECHERS_OFFSET = 12;
    public static final int SEEDERS_OFFSET = 16;
    public static final int PEERS_OFFSET = 20;
    public static final int PEER_IPV4_LENGTH = CompactPeers.IPV4_LENGTH;
    public static final int PEER_IPV6_LENGTH = CompactPeers.IPV6_LENGTH;

    private UdpAnnounceResponse() {}

    public static void writeHeader(ByteBuf out, int transactionId, int interval, int leechers, int seeders) {
        UdpResponseHeader.write(out, UdpAction.ANNOUNCE, transactionId);
        out.writeInt(interval).writeInt(leechers).writeInt(seeders);
    }

    public static void writePeerIpv4(ByteBuf out, int address, int port) {
        out.writeInt(address).writeShort(port);
    }

    public static void writePeerIpv6(ByteBuf out, long addressHigh, long addressLow, int port) {
        out.writeLong(addressHigh).writeLong(addressLow).writeShort(port);
    }

    /**
     * Null when the packet is a whole announce reply with peers of {@code peerLength}
     * ({@link #PEER_IPV4_LENGTH} or {@link #PEER_IPV6_LENGTH}); then the accessors may be used.
     */
    public static UdpDecodeError check(ByteBuf packet, int peerLength) {
        UdpDecodeError error = UdpResponseHeader.check(packet, UdpAction.ANNOUNCE, PEERS_OFFSET);
        if (error != null) {
            return error;
        }
        boolean whole = (packet.readableBytes() - PEERS_OFFSET) % peerLength == 0;
        return whole ? null : UdpDecodeError.REPLY_PARTIAL_ENTRY;
    }

    public static int transactionId(ByteBuf packet) {
        return UdpResponseHeader.transactionId(packet);
    }

    public static int interval(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + INTERVAL_OFFSET);
    }

    public static int leechers(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + LEECHERS_OFFSET);
    }

    public static int seeders(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + SEEDERS_OFFSET);
    }

    public static int peerCount(ByteBuf packet, int peerLength) {
        return (packet.readableBytes() - PEERS_OFFSET) / peerLength;
    }

    public static int peerIpv4(ByteBuf packet, int index) {
        return packet.getInt(peer(packet, index, PEER_IPV4_LENGTH));
    }

    public static long peerIpv6High(ByteBuf packet, int index) {
        return packet.getLong(peer(packet, index, PEER_IPV6_LENGTH));
    }

    public static long peerIpv6Low(ByteBuf packet, int index) {
        return packet.getLong(peer(packet, index, PEER_IPV6_LENGTH) + 8);
    }

    public static int peerPort(ByteBuf packet, int index, int peerLength) {
        return packet.getUnsignedShort(peer(packet, index, peerLength) + peerLength - 2);
    }

    private static int peer(ByteBuf packet, int index, int peerLength) {
        return packet.readerIndex() + PEERS_OFFSET + index * peerLength;
    }
}
