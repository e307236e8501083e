package io.swarmkeeper.bench.load;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;

/**
 * Where the generator's and responder's few long-lived buffers come from. They are released in a
 * {@code finally} right where they are made, so leak tracking finds nothing, and under the tests'
 * paranoid level it would record a stack trace on every access and measure itself.
 */
public final class Buffers {
    public static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true);

    private Buffers() {}
}
