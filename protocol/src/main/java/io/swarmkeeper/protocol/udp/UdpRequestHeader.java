package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;

/**
 * The 16 bytes every BEP 15 request starts with. Offsets are from the packet's reader index;
 * accessors read in place and never move an index.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         connection id (protocol id in a connect), 64 bits      |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                          action, 32 bits                      |
 * +---------------------------------------------------------------+
 * |                      transaction id, 32 bits                  |
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class UdpRequestHeader {
    public static final int CONNECTION_ID_OFFSET = 0;
    public static final int ACTION_OFFSET = 8;
    public static final int TRANSACTION_ID_OFFSET = 12;
    public static final int LENGTH = 16;

    private UdpRequestHeader() {}

    /** Callers check {@code packet.readableBytes() >= LENGTH} first. */
    public static long connectionId(ByteBuf packet) {
        return packet.getLong(packet.readerIndex() + CONNECTION_ID_OFFSET);
    }

    public static int action(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + ACTION_OFFSET);
    }

    public static int transactionId(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + TRANSACTION_ID_OFFSET);
    }

    public static void write(ByteBuf out, long connectionId, int action, int transactionId) {
        out.writeLong(connectionId).writeInt(action).writeInt(transactionId);
    }
}
