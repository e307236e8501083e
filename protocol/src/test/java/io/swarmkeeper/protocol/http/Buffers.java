package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Test helpers: text to buffers and back. */
final class Buffers {
    private Buffers() {}

    static ByteBuf of(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    static String text(ByteBuf buf, int from, int to) {
        return buf.toString(from, to - from, StandardCharsets.ISO_8859_1);
    }

    static byte[] readable(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }
}
