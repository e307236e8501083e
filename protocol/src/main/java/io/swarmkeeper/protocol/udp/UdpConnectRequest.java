package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;

/**
 * BEP 15 connect request: asks for a connection id. Offsets are from the packet's reader index.
 *
 * <pre>
 * +---------------------------------------------------------------+
 * |              protocol id 0x41727101980, 64 bits               |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                        action 0, 32 bits                      |
 * +---------------------------------------------------------------+
 * |                      transaction id, 32 bits                  |
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class UdpConnectRequest {
    public static final int PROTOCOL_ID_OFFSET = UdpRequestHeader.CONNECTION_ID_OFFSET;
    public static final int ACTION_OFFSET = UdpRequestHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpRequestHeader.TRANSACTION_ID_OFFSET;
    public static final int LENGTH = UdpRequestHeader.LENGTH;
    /** The magic number that marks a connect (BEP 15); it stands where later requests carry their id. */
    public static final long PROTOCOL_ID = 0x41727101980L;

    private UdpConnectRequest() {}

    public static void write(ByteBuf out, int transactionId) {
        UdpRequestHeader.write(out, PROTOCOL_ID, UdpAction.CONNECT, transactionId);
    }

    /** Checks a packet whose header said action 0; the transaction id is read from the header. */
    public static UdpDecodeError check(ByteBuf packet) {
        if (packet.readableBytes() < LENGTH) {
            return UdpDecodeError.TOO_SHORT;
        }
        return packet.getLong(packet.readerIndex() + PROTOCOL_ID_OFFSET) == PROTOCOL_ID
                ? null : UdpDecodeError.NOT_A_CONNECT;
    }
}
