package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;

/**
 * BEP 15 announce request with BEP 41 options. Offsets are from the packet's reader index.
 *
 * <pre>
 * offset  size  field
 *      0     8  connection id
 *      8     4  action 1
 *     12     4  transaction id
 *     16    20  info-hash
 *     36    20  peer id
 *     56     8  downloaded
 *     64     8  left
 *     72     8  uploaded
 *     80     4  event (0 none, 1 completed, 2 started, 3 stopped)
 *     84     4  IPv4 address the client claims, 0 = use the packet's source
 *     88     4  key
 *     92     4  numwant, -1 = tracker's default
 *     96     2  port
 *     98     *  BEP 41 options until the end of the packet:
 *                 type 0 end of options   (1 byte)
 *                 type 1 no-op            (1 byte)
 *                 type 2 URL data         (type, length, length bytes of the URL's path and query)
 *                 other types             (type, length, length bytes) skipped, as BEP 41 asks
 * </pre>
 */
public final class UdpAnnounceRequest {
    public static final int CONNECTION_ID_OFFSET = UdpRequestHeader.CONNECTION_ID_OFFSET;
    public static final int ACTION_OFFSET = UdpRequestHeader.ACTION_OFFSET;
    public static final int TRANSACTION_ID_OFFSET = UdpRequestHeader.TRANSACTION_ID_OFFSET;
    public static final int INFO_HASH_OFFSET = 16;
    public static final int PEER_ID_OFFSET = 36;
    public static final int DOWNLOADED_OFFSET = 56;
    public static final int LEFT_OFFSET = 64;
    public static final int UPLOADED_OFFSET = 72;
    public static final int EVENT_OFFSET = 80;
    public static final int IP_OFFSET = 84;
    public static final int KEY_OFFSET = 88;
    public static final int NUMWANT_OFFSET = 92;
    public static final int PORT_OFFSET = 96;
    public static final int OPTIONS_OFFSET = 98;
    public static final int LENGTH = OPTIONS_OFFSET;

    public static final int OPTION_END = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_URL_DATA = 2;
    /** An option's length is one byte. */
    public static final int MAX_OPTION_LENGTH = 255;

    private UdpAnnounceRequest() {}

    /**
     * Writes {@code request} as an announce, its URL data split into as many options as it needs.
     * The IP field carries {@code claimedIpv4} if present, else 0.
     */
    public static void write(ByteBuf out, long connectionId, int transactionId, AnnounceRequest request) {
        UdpRequestHeader.write(out, connectionId, UdpAction.ANNOUNCE, transactionId);
        out.writeLong(request.infoHashHigh).writeLong(request.infoHashMiddle).writeInt(request.infoHashLow);
        out.writeBytes(request.peerId);
        out.writeLong(request.downloaded).writeLong(request.left).writeLong(request.uploaded);
        out.writeInt(request.event);
        out.writeInt(request.claimedIpv4Present ? request.claimedIpv4 : 0);
        out.writeInt(request.key);
        out.writeInt(request.numwant);
        out.writeShort(request.port);
        for (int from = 0; from < request.urlDataLength; from += MAX_OPTION_LENGTH) {
            int length = Math.min(MAX_OPTION_LENGTH, request.urlDataLength - from);
            out.writeByte(OPTION_URL_DATA).writeByte(length).writeBytes(request.urlData, from, length);
        }
    }

    /**
     * Fills {@code into} (cleared first) from an announce packet without allocating. The peer's
     * address is left for the transport to set. Null when the announce is well-formed.
     */
    public static UdpDecodeError decode(ByteBuf packet, AnnounceRequest into) {
        into.clear();
        int base = packet.readerIndex();
        int end = packet.writerIndex();
        if (end - base < LENGTH) {
            return UdpDecodeError.ANNOUNCE_TOO_SHORT;
        }
        int event = packet.getInt(base + EVENT_OFFSET);
        if (event < AnnounceEvent.NONE || event > AnnounceEvent.STOPPED) {
            return UdpDecodeError.UNKNOWN_EVENT;
        }
        into.event = event;
        into.infoHashHigh = packet.getLong(base + INFO_HASH_OFFSET);
        into.infoHashMiddle = packet.getLong(base + INFO_HASH_OFFSET + 8);
        into.infoHashLow = packet.getInt(base + INFO_HASH_OFFSET + 16);
        packet.getBytes(base + PEER_ID_OFFSET, into.peerId);
        into.downloaded = packet.getLong(base + DOWNLOADED_OFFSET);
        into.left = packet.getLong(base + LEFT_OFFSET);
        into.uploaded = packet.getLong(base + UPLOADED_OFFSET);
        int ip = packet.getInt(base + IP_OFFSET);
        if (ip != 0) {
            into.claimedIpv4Present = true;
            into.claimedIpv4 = ip;
        }
        into.key = packet.getInt(base + KEY_OFFSET);
        into.hasKey = true;
        int numwant = packet.getInt(base + NUMWANT_OFFSET);
        // -1 is BEP 15's "default"; other negative numbers can only mean the same.
        into.numwant = numwant < 0 ? AnnounceRequest.NUMWANT_DEFAULT : numwant;
        into.port = packet.getUnsignedShort(base + PORT_OFFSET);
        return decodeOptions(packet, base + OPTIONS_OFFSET, end, into);
    }

    private static UdpDecodeError decodeOptions(ByteBuf packet, int at, int end, AnnounceRequest into) {
        while (at < end) {
            int type = packet.getUnsignedByte(at++);
            if (type == OPTION_END) {
                return null;
            }
            if (type == OPTION_NOP) {
                continue;
            }
            if (at >= end) {
                return UdpDecodeError.MALFORMED_OPTIONS;
            }
            int length = packet.getUnsignedByte(at++);
            if (length > end - at) {
                return UdpDecodeError.MALFORMED_OPTIONS;
            }
            if (type == OPTION_URL_DATA) {
                if (into.urlDataLength + length > AnnounceRequest.MAX_URL_DATA) {
                    return UdpDecodeError.URL_DATA_TOO_LONG;
                }
                packet.getBytes(at, into.urlData, into.urlDataLength, length);
                into.urlDataLength += length;
            }
            at += length;
        }
        return null;
    }
}
