package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * BEP 15 error reply (action 3). Offsets are from the packet's reader index.
 *
 * <pre>
 * offset  size  field
 *      0     4  action 3
 *      4     4  transaction id
 *      8     *  message, until the end of the packet (no terminator, no length)
 * </pre>
 */
public final class UdpErrorResponse {
    public static final int ACTION_OFFSET = UdpResponseHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpResponseHeader.TRANSACTION_ID_OFFSET;
    public static final int MESSAGE_OFFSET = 8;

    private UdpErrorResponse() {}

    public static void write(ByteBuf out, int transactionId, UdpDecodeError error) {
        UdpResponseHeader.write(out, UdpAction.ERROR, transactionId);
        error.writeMessage(out);
    }

    public static int length(UdpDecodeError error) {
        return MESSAGE_OFFSET + error.messageLength();
    }

    /** Null when the packet is an error reply; then the accessors may be used. */
    public static UdpDecodeError check(ByteBuf packet) {
        return UdpResponseHeader.check(packet, UdpAction.ERROR, MESSAGE_OFFSET);
    }

    public static int transactionId(ByteBuf packet) {
        return UdpResponseHeader.transactionId(packet);
    }

    /** The message as text, for clients and monitors; not for a hot path. */
    public static String message(ByteBuf packet) {
        int from = packet.readerIndex() + MESSAGE_OFFSET;
        return packet.toString(from, packet.writerIndex() - from, StandardCharsets.UTF_8);
    }
}
