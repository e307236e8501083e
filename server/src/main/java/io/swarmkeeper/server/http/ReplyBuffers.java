package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;

/** Where an answer is written: a buffer of at least {@code capacity} bytes, which its taker releases. */
@FunctionalInterface
interface ReplyBuffers {
    ByteBuf get(int capacity);
}
