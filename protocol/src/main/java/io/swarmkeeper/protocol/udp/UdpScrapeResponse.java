package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;

/**
 * BEP 15 scrape reply, one entry per requested info-hash in the request's order. Offsets are from
 * the packet's reader index.
 *
 * <pre>
 * offset  size  field
 *      0     4  action 2
 *      4     4  transaction id
 *      8  12 per torrent: seeders (4), completed (4), leechers (4)
 * </pre>
 */
public final class UdpScrapeResponse {
    public static final int ACTION_OFFSET = UdpResponseHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpResponseHeader.TRANSACTION_ID_OFFSET;
    public static final int ENTRIES_OFFSET = 8;
    public static final int ENTRY_LENGTH = 12;
    public static final int SEEDERS_IN_ENTRY = 0;
    public static final int COMPLETED_IN_ENTRY = 4;
    public static final int LEECHERS_IN_ENTRY = 8;

    private UdpScrapeResponse() {}

    public static void writeHeader(ByteBuf out, int transactionId) {
        UdpResponseHeader.write(out, UdpAction.SCRAPE, transactionId);
    }

    public static void writeEntry(ByteBuf out, int seeders, int completed, int leechers) {
        out.writeInt(seeders).writeInt(completed).writeInt(leechers);
    }

    /** Null when the packet is a scrape reply of whole entries; then the accessors may be used. */
    public static UdpDecodeError check(ByteBuf packet) {
        UdpDecodeError error = UdpResponseHeader.check(packet, UdpAction.SCRAPE, ENTRIES_OFFSET);
        if (error != null) {
            return error;
        }
        boolean whole = (packet.readableBytes() - ENTRIES_OFFSET) % ENTRY_LENGTH == 0;
        return whole ? null : UdpDecodeError.REPLY_PARTIAL_ENTRY;
    }

    public static int transactionId(ByteBuf packet) {
        return UdpResponseHeader.transactionId(packet);
    }

    public static int entryCount(ByteBuf packet) {
        return (packet.readableBytes() - ENTRIES_OFFSET) / ENTRY_LENGTH;
    }

    public static int seeders(ByteBuf packet, int index) {
        return packet.getInt(entry(packet, index) + SEEDERS_IN_ENTRY);
    }

    public static int completed(ByteBuf packet, int index) {
        return packet.getInt(entry(packet, index) + COMPLETED_IN_ENTRY);
    }

    public static int leechers(ByteBuf packet, int index) {
        return packet.getInt(entry(packet, index) + LEECHERS_IN_ENTRY);
    }

    private static int entry(ByteBuf packet, int index) {
        return packet.readerIndex() + ENTRIES_OFFSET + index * ENTRY_LENGTH;
    }
}
