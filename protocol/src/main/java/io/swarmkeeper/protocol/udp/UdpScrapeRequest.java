package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;

/**
 * BEP 15 scrape request. Offsets are from the packet's reader index.
 *
 * <pre>
 * offset  size  field
 *      0     8  connection id
 *      8     4  action 2
 *     12     4  transaction id
 *     16  20 per torrent, 1 to 74 of them: info-hash
 * </pre>
 */
public final class UdpScrapeRequest {
    public static final int CONNECTION_ID_OFFSET = UdpRequestHeader.CONNECTION_ID_OFFSET;
    public static final int ACTION_OFFSET = UdpRequestHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpRequestHeader.TRANSACTION_ID_OFFSET;
    public static final int INFO_HASHES_OFFSET = 16;
    public static final int INFO_HASH_LENGTH = 20;
    /** BEP 15's "about 74": 16 + 74 × 20 = 1496 bytes, the most that fits a 1500-byte Ethernet frame's worth. */
    public static final int MAX_INFO_HASHES = 74;

    private UdpScrapeRequest() {}

    public static void writeHeader(ByteBuf out, long connectionId, int transactionId) {
        UdpRequestHeader.write(out, connectionId, UdpAction.SCRAPE, transactionId);
    }

    public static void writeInfoHash(ByteBuf out, long high, long middle, int low) {
        out.writeLong(high).writeLong(middle).writeInt(low);
    }

    /** Null when the packet carries 1 to {@link #MAX_INFO_HASHES} whole info-hashes. */
    public static UdpDecodeError check(ByteBuf packet) {
        int body = packet.readableBytes() - INFO_HASHES_OFFSET;
        if (body <= 0) {
            return UdpDecodeError.SCRAPE_WITHOUT_INFO_HASH;
        }
        if (body % INFO_HASH_LENGTH != 0) {
            return UdpDecodeError.SCRAPE_PARTIAL_INFO_HASH;
        }
        return body / INFO_HASH_LENGTH > MAX_INFO_HASHES ? UdpDecodeError.SCRAPE_TOO_MANY_INFO_HASHES : null;
    }

    public static int infoHashCount(ByteBuf packet) {
        return (packet.readableBytes() - INFO_HASHES_OFFSET) / INFO_HASH_LENGTH;
    }

    public static long infoHashHigh(ByteBuf packet, int index) {
        return packet.getLong(infoHash(packet, index));
    }

    public static long infoHashMiddle(ByteBuf packet, int index) {
        return packet.getLong(infoHash(packet, index) + 8);
    }

    public static int infoHashLow(ByteBuf packet, int index) {
        return packet.getInt(infoHash(packet, index) + 16);
    }

    private static int infoHash(ByteBuf packet, int index) {
        return packet.readerIndex() + INFO_HASHES_OFFSET + index * INFO_HASH_LENGTH;
    }
}
