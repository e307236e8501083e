package io.swarmkeeper.protocol.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AsciiTest {
    @Property
    void writes_what_long_to_string_writes(@ForAll long value) {
        assertWritten(value);
    }

    /** Every small value in turn: what a tracker writes most (counts, intervals, lengths, ports). */
    @Property(tries = 12_000)
    void writes_small_numbers_as_long_to_string_does(@ForAll @LongRange(min = -100, max = 11_000) long value) {
        assertWritten(value);
    }

    /** Into an array behind a byte of something else, with nothing put past the offset returned. */
    @Property(tries = 3000)
    void puts_what_integer_to_string_writes(@ForAll @IntRange(min = 0) int value) {
        byte[] to = new byte[1 + 10 + 4];
        to[0] = 'x';
        int end = Ascii.put(to, 1, value);
        assertThat(new String(to, 0, end, StandardCharsets.US_ASCII)).isEqualTo("x" + value);
        assertThat(Arrays.copyOfRange(to, end, to.length)).containsOnly(0);
    }

    private static void assertWritten(long value) {
        ByteBuf out = Unpooled.buffer(0);
        out.writeByte('x');
        Ascii.writeLong(out, value);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("x" + value);
        assertThat(Ascii.digits(value)).isEqualTo(Long.toString(value).length());
    }
}
