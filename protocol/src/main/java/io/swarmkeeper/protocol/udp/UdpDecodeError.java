package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.nio.charset.StandardCharsets;

/**
 * Why a packet could not be decoded, as a value rather than an exception: a tracker sees hostile
 * bytes all day, and a decode failure is an ordinary outcome, not an exceptional one.
 *
 * <p>{@link #sendable()} says whether the failure may be answered with an error packet. Only
 * request errors found after the connection id was checked and found valid are sendable: answering
 * anything else would let a forged source address turn the tracker into an amplifier. Errors in
 * replies (found by clients) are never sendable. Each message is encoded once, here, so the hot
 * path only copies bytes.
 */
public final class UdpDecodeError {
    // Requests, before the sender is known to be genuine: never answered.
    public static final UdpDecodeError TOO_SHORT = unsendable("packet shorter than a 16-byte request header");
    public static final UdpDecodeError NOT_A_CONNECT = unsendable("connect request without the BEP 15 protocol id");
    public static final UdpDecodeError INVALID_CONNECTION_ID = unsendable("connection id invalid or expired");

    // Requests from a sender with a valid connection id: answered with action 3.
    public static final UdpDecodeError UNKNOWN_ACTION = sendable("unknown action");
    public static final UdpDecodeError ANNOUNCE_TOO_SHORT = sendable("announce shorter than 98 bytes");
    public static final UdpDecodeError UNKNOWN_EVENT = sendable("unknown announce event");
    public static final UdpDecodeError MALFORMED_OPTIONS = sendable("malformed BEP 41 options");
    public static final UdpDecodeError URL_DATA_TOO_LONG =
            sendable("BEP 41 URL data longer than " + AnnounceRequest.MAX_URL_DATA + " bytes");
    public static final UdpDecodeError PORT_ZERO = sendable("port 0 is not a port peers can connect to");
    public static final UdpDecodeError SCRAPE_WITHOUT_INFO_HASH =
            sendable("scrape needs at least one info-hash (no full scrape over UDP)");
    public static final UdpDecodeError SCRAPE_PARTIAL_INFO_HASH = sendable("scrape ends inside an info-hash");
    public static final UdpDecodeError SCRAPE_TOO_MANY_INFO_HASHES =
            sendable("scrape of more than " + UdpScrapeRequest.MAX_INFO_HASHES + " info-hashes");

    // Replies, found by a client: never answered.
    public static final UdpDecodeError REPLY_TOO_SHORT = unsendable("reply shorter than its fixed part");
    public static final UdpDecodeError REPLY_UNEXPECTED_ACTION = unsendable("reply carries another action");
    public static final UdpDecodeError REPLY_PARTIAL_ENTRY = unsendable("reply ends inside a peer or scrape entry");

    private final String text;
    private final byte[] message;
    private final boolean sendable;

    private UdpDecodeError(String text, boolean sendable) {
        this.text = text;
        this.message = text.getBytes(StandardCharsets.US_ASCII);
        this.sendable = sendable;
    }

    private static UdpDecodeError sendable(String text) {
        return new UdpDecodeError(text, true);
    }

    private static UdpDecodeError unsendable(String text) {
        return new UdpDecodeError(text, false);
    }

    public boolean sendable() {
        return sendable;
    }

    public String text() {
        return text;
    }

    public int messageLength() {
        return message.length;
    }

    /** Copies the pre-encoded message to {@code out}. */
    public void writeMessage(ByteBuf out) {
        out.writeBytes(message);
    }

    @Override
    public String toString() {
        return (sendable ? "sendable: " : "unsendable: ") + text;
    }
}
