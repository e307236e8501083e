package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.protocol.http.HttpFailure;
import io.swarmkeeper.protocol.http.ResponseHead;

/** Whole HTTP responses (head and bencoded body) for every {@link HttpFailure}, encoded once. */
final class FailureResponses {
    private static final byte[][] KEEP_ALIVE = encodeAll(true);
    private static final byte[][] CLOSE = encodeAll(false);

    private FailureResponses() {}

    static ByteBuf response(ReplyBuffers replies, HttpFailure failure, boolean keepAlive) {
        byte[] bytes = bytes(failure, keepAlive);
        return replies.get(bytes.length).writeBytes(bytes);
    }

    /** The encoded response itself; not to be changed. */
    static byte[] bytes(HttpFailure failure, boolean keepAlive) {
        return (keepAlive ? KEEP_ALIVE : CLOSE)[failure.ordinal()];
    }

    private static byte[][] encodeAll(boolean keepAlive) {
        HttpFailure[] failures = HttpFailure.values();
        byte[][] all = new byte[failures.length][];
        for (HttpFailure failure : failures) {
            byte[] body = failure.body();
            ByteBuf out = Unpooled.buffer();
            ResponseHead.write(out, failure.status(), ResponseHead.TEXT_PLAIN, body.length, keepAlive);
            out.writeBytes(body);
            all[failure.ordinal()] = new byte[out.readableBytes()];
            out.readBytes(all[failure.ordinal()]);
        }
        return all;
    }
}
