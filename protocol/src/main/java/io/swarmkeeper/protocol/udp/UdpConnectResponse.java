package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;

/**
 * BEP 15 connect reply: hands the sender a connection id. Offsets are from the packet's reader index.
 *
 * <pre>
 * +---------------------------------------------------------------+
 * |                        action 0, 32 bits                      |
 * +---------------------------------------------------------------+
 * |                      transaction id, 32 bits                  |
 * +---------------------------------------------------------------+
 * |                     connection id, 64 bits                    |
 * |                                                               |
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class UdpConnectResponse {
    public static final int ACTION_OFFSET = UdpResponseHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpResponseHeader.TRANSACTION_ID_OFFSET;
    public static final int CONNECTION_ID_OFFSET = 8;
    public static final int LENGTH = 16;

    private UdpConnectResponse() {}

    public static void write(ByteBuf out, int transactionId, long connectionId) {
        UdpResponseHeader.write(out, UdpAction.CONNECT, transactionId);
        out.writeLong(connectionId);
    }

    /** Null when the packet is a whole connect reply; then the accessors may be used. */
    public static UdpDecodeError check(ByteBuf packet) {
        return UdpResponseHeader.check(packet, UdpAction.CONNECT, LENGTH);
    }

    public static int transactionId(ByteBuf packet) {
        return UdpResponseHeader.transactionId(packet);
    }

    public static long connectionId(ByteBuf packet) {
        return packet.getLong(packet.readerIndex() + CONNECTION_ID_OFFSET);
    }
}
