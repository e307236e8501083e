package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Answers written one at a time into one buffer that an event loop keeps: the loop copies each
 * answer out and releases it before the next is made, so a request costs no trip through the
 * allocator. The buffer's reference count says whether it is out; an answer asked for meanwhile,
 * or larger than the buffer, gets one of its own from {@code fallback}.
 */
final class ReusedReplyBuffer implements ReplyBuffers {
    private final ByteBuf buffer;
    private final ByteBufAllocator fallback;

    /** @param buffer a buffer with a reference count of one, which stays the caller's to release */
    ReusedReplyBuffer(ByteBuf buffer, ByteBufAllocator fallback) {
        this.buffer = buffer;
        this.fallback = fallback;
    }

    @Override
    public ByteBuf get(int capacity) {
        if (capacity <= buffer.capacity() && buffer.refCnt() == 1) {
            return buffer.retain().clear();
        }
        return fallback.ioBuffer(capacity);
    }
}
