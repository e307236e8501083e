package io.swarmkeeper.protocol.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Heap buffers for codec tests: plain garbage-collected arrays, nothing to release. */
final class Buffers {
    private Buffers() {}

    static ByteBuf empty() {
        return Unpooled.wrappedBuffer(new byte[4096]).clear();
    }

    static ByteBuf of(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }

    /** The same bytes behind a non-zero reader index, to catch offsets taken from 0 instead. */
    static ByteBuf shifted(ByteBuf packet) {
        ByteBuf out = empty();
        out.writeBytes(new byte[] {9, 9, 9});
        out.readerIndex(3);
        out.writeBytes(packet, packet.readerIndex(), packet.readableBytes());
        return out;
    }
}
