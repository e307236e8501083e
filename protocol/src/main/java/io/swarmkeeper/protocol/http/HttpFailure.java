package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.protocol.bencode.BencodeEncoder;
import io.swarmkeeper.protocol.bencode.SortedKeys;

/**
 * Every way an HTTP request can fail, with its status and its bencoded body encoded once at
 * class load (as {@code ot_http.c} keeps a table of fixed replies), so failing costs a copy.
 *
 * <p>Tracker-level failures (a bad announce or scrape) are status 200, because BEP 3 clients read
 * the {@code failure reason} of a 200 and many ignore the body of anything else. Failures of HTTP
 * itself keep their HTTP status, with the same kind of body for clients that read it anyway.
 * {@code retry in} (BEP 31, minutes or {@code never}) is sent where the client should back off.
 */
public enum HttpFailure {
    MALFORMED_REQUEST(400, "malformed HTTP request", RetryIn.NONE),
    NOT_FOUND(404, "not a tracker URL (use /announce or /scrape)", RetryIn.NEVER),
    METHOD_NOT_ALLOWED(405, "only GET is supported", RetryIn.NONE),
    REQUEST_LINE_TOO_LONG(414, "request line too long", RetryIn.NONE),
    HEADERS_TOO_LARGE(431, "request headers too large", RetryIn.NONE),
    TOO_MANY_CONNECTIONS(503, "too many connections, retry later", 1),

    MISSING_INFO_HASH(200, "missing info_hash", RetryIn.NONE),
    INVALID_INFO_HASH(200, "info_hash must be 20 bytes", RetryIn.NONE),
    MISSING_PEER_ID(200, "missing peer_id", RetryIn.NONE),
    INVALID_PEER_ID(200, "peer_id must be 20 bytes", RetryIn.NONE),
    MISSING_PORT(200, "missing port", RetryIn.NONE),
    INVALID_PORT(200, "port must be 1..65535", RetryIn.NONE),
    MISSING_LEFT(200, "missing left", RetryIn.NONE),
    INVALID_NUMBER(200, "uploaded, downloaded and left must be whole numbers 0..2^63-1", RetryIn.NONE),
    INVALID_NUMWANT(200, "numwant must be a whole number", RetryIn.NONE),
    INVALID_EVENT(200, "event must be started, stopped, completed, paused or empty", RetryIn.NONE),
    BAD_PERCENT_ENCODING(200, "bad percent-encoding in query", RetryIn.NONE),
    VALUE_TOO_LONG(200, "query value too long", RetryIn.NONE),
    TOO_MANY_INFO_HASHES(200, "too many info_hash values in one scrape", RetryIn.NONE),
    FULL_SCRAPE_DISABLED(200, "full scrape is disabled; name info_hash values", RetryIn.NEVER),
    INTERNAL_ERROR(200, "internal tracker error, retry later", 5);

    static {
        SortedKeys.require(BencodeEncoder.key("failure reason"), BencodeEncoder.key("retry in"));
    }

    private final int status;
    private final String reason;
    private final int retryInMinutes;
    private final byte[] body;

    HttpFailure(int status, String reason, int retryInMinutes) {
        this.status = status;
        this.reason = reason;
        this.retryInMinutes = retryInMinutes;
        this.body = encode(reason, retryInMinutes);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** Minutes, {@link RetryIn#NEVER} or {@link RetryIn#NONE}. */
    public int retryInMinutes() {
        return retryInMinutes;
    }

    /** The bencoded body; a shared array, never modify it. */
    public byte[] body() {
        return body;
    }

    private static byte[] encode(String reason, int retryIn) {
        ByteBuf out = Unpooled.buffer();
        BencodeEncoder.beginDict(out);
        out.writeBytes(BencodeEncoder.key("failure reason"));
        out.writeBytes(BencodeEncoder.key(reason));
        if (retryIn == RetryIn.NEVER) {
            out.writeBytes(BencodeEncoder.key("retry in"));
            out.writeBytes(BencodeEncoder.key("never"));
        } else if (retryIn > 0) {
            out.writeBytes(BencodeEncoder.key("retry in"));
            BencodeEncoder.integer(out, retryIn);
        }
        BencodeEncoder.end(out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
