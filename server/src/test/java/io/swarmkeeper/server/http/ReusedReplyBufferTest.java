package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ReusedReplyBufferTest {
    private final ByteBuf kept = Unpooled.directBuffer(1024, 1024);
    private final ReusedReplyBuffer replies = new ReusedReplyBuffer(kept, ByteBufAllocator.DEFAULT);

    @Test
    void hands_out_its_buffer_emptied_once_the_last_answer_is_released() {
        ByteBuf first = replies.get(100);
        assertThat(first).isSameAs(kept);
        first.writeBytes(new byte[300]).readerIndex(20);
        first.release();

        ByteBuf second = replies.get(1024);
        assertThat(second).isSameAs(kept);
        assertThat(second.readerIndex()).isZero();
        assertThat(second.writerIndex()).isZero();
        second.release();
        assertThat(kept.refCnt()).isEqualTo(1);
    }

    @Test
    void an_answer_asked_for_while_its_buffer_is_out_gets_one_of_its_own() {
        ByteBuf first = replies.get(100);
        ByteBuf second = replies.get(100);
        assertThat(second).isNotSameAs(kept);
        assertThat(second.capacity()).isGreaterThanOrEqualTo(100);
        second.release();
        first.release();
        assertThat(kept.refCnt()).isEqualTo(1);
    }

    @Test
    void an_answer_larger_than_its_buffer_gets_one_of_its_own() {
        ByteBuf large = replies.get(1025);
        assertThat(large).isNotSameAs(kept);
        assertThat(large.capacity()).isGreaterThanOrEqualTo(1025);
        large.release();
        assertThat(kept.refCnt()).isEqualTo(1);
    }
}
