package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;

/**
 * The 8 bytes every BEP 15 reply starts with. Offsets are from the packet's reader index.
 *
 * <pre>
 * +---------------------------------------------------------------+
 * |                          action, 32 bits                      |
 * +---------------------------------------------------------------+
 * |                      transaction id, 32 bits                  |
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class UdpResponseHeader {
    public static final int ACTION_OFFSET = 0;
    public static final int TRANSACTION_ID_OFFSET = 4;
    public static final int LENGTH = 8;

    private UdpResponseHeader() {}

    /** Callers check {@code packet.readableBytes() >= LENGTH} first. */
    public static int action(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + ACTION_OFFSET);
    }

    public static int transactionId(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + TRANSACTION_ID_OFFSET);
    }

    public static void write(ByteBuf out, int action, int transactionId) {
        out.writeInt(action).writeInt(transactionId);
    }

    /** The common checks of every reply decoder: long enough, and the action it claims to be. */
    static UdpDecodeError check(ByteBuf packet, int action, int fixedLength) {
        if (packet.readableBytes() < fixedLength) {
            return UdpDecodeError.REPLY_TOO_SHORT;
        }
        return action(packet) == action ? null : UdpDecodeError.REPLY_UNEXPECTED_ACTION;
    }
}
