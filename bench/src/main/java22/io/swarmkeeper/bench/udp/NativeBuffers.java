package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.linuxnet.DatagramBatch;

/**
 * A batch's native slots seen as ByteBufs, for the protocol codecs. Wrapped once, reused with
 * setIndex and clear; the batch owns the memory, so they are never released.
 */
final class NativeBuffers {
    private NativeBuffers() {}

    static ByteBuf[] received(DatagramBatch batch) {
        ByteBuf[] buffers = new ByteBuf[batch.slots()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = Unpooled.wrappedBuffer(batch.receiveBuffer(i).asByteBuffer());
        }
        return buffers;
    }

    static ByteBuf[] toSend(DatagramBatch batch) {
        ByteBuf[] buffers = new ByteBuf[batch.slots()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = Unpooled.wrappedBuffer(batch.sendBuffer(i).asByteBuffer()).clear();
        }
        return buffers;
    }
}
