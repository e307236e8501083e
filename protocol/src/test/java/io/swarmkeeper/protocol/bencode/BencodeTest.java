package io.swarmkeeper.protocol.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BencodeTest {

    @Test
    void encodes_the_examples_of_bep_3() {
        assertThat(encode(Map.of("cow", "moo", "spam", "eggs"))).isEqualTo("d3:cow3:moo4:spam4:eggse");
        assertThat(encode(List.of("spam", "eggs"))).isEqualTo("l4:spam4:eggse");
        assertThat(encode(3L)).isEqualTo("i3e");
        assertThat(encode(-3L)).isEqualTo("i-3e");
        assertThat(encode(0L)).isEqualTo("i0e");
        assertThat(encode(Long.MIN_VALUE)).isEqualTo("i-9223372036854775808e");
    }

    @Test
    void writes_dictionary_keys_in_raw_byte_order_whatever_order_they_were_given() {
        assertThat(encode(Map.of("b", 1L, "a", 2L, "\u00ff", 3L, "Z", 4L))).isEqualTo("d1:Zi4e1:ai2e1:bi1e1:\u00ffi3ee");
    }

    @Test
    void refuses_keys_out_of_order_when_checking_a_fixed_key_list() {
        assertThatThrownBy(() -> SortedKeys.require(BencodeEncoder.key("peers6"), BencodeEncoder.key("peers")))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i03e", "i-0e", "i-e", "ie", "i1", "03:abc", "4:abc", "-1:a", "i1ei2e", "l", "d", "di1ei2ee",
            "d1:ai1e1:ai2ee", "x", "", "i9223372036854775808e", "i-9223372036854775809e", "1a:", "99999999999999999999:"})
    void rejects_input_that_is_not_strict_bencode(String input) {
        assertThatThrownBy(() -> BencodeDecoder.decode(input.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void rejects_nesting_deeper_than_its_limit() {
        String deep = "l".repeat(BencodeDecoder.MAX_DEPTH + 1) + "e".repeat(BencodeDecoder.MAX_DEPTH + 1);
        assertThatThrownBy(() -> BencodeDecoder.decode(deep.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("nesting");
        String allowed = "l".repeat(BencodeDecoder.MAX_DEPTH) + "e".repeat(BencodeDecoder.MAX_DEPTH);
        assertThat(decodeQuietly(allowed.getBytes(StandardCharsets.US_ASCII))).isInstanceOf(List.class);
    }

    @Property
    void decoding_what_was_encoded_gives_the_same_value(@ForAll("values") Object value) throws DecodeException {
        byte[] encoded = bytes(value);
        Object decoded = BencodeDecoder.decode(encoded);
        assertThat(bytes(decoded)).isEqualTo(encoded);
    }

    @Property
    void integers_survive_a_round_trip(@ForAll long n) throws DecodeException {
        assertThat(BencodeDecoder.decode(bytes(n))).isEqualTo(n);
    }

    @Property(tries = 3000)
    void random_bytes_only_ever_give_a_value_or_a_decode_exception(@ForAll byte[] input) {
        decodeQuietly(input);
    }

    @Property(tries = 3000)
    void mutated_valid_input_only_ever_gives_a_value_or_a_decode_exception(
            @ForAll("values") Object value, @ForAll int position, @ForAll byte replacement) {
        byte[] encoded = bytes(value);
        encoded[Math.floorMod(position, encoded.length)] = replacement;
        decodeQuietly(encoded);
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 4);
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(30).map(b -> (Object) b));
    }

    private Arbitrary<Object> container(Arbitrary<Object> inner) {
        return Arbitraries.oneOf(inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8), inner)
                        .ofMaxSize(4).map(m -> (Object) m));
    }

    /** Returns the value, or null for a DecodeException; any other exception fails the test. */
    private static Object decodeQuietly(byte[] input) {
        try {
            return BencodeDecoder.decode(input);
        } catch (DecodeException expected) {
            return null;
        }
    }

    static byte[] bytes(Object value) {
        ByteBuf out = Unpooled.buffer();
        try {
            BencodeEncoder.value(out, value);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static String encode(Object value) {
        return new String(bytes(value), StandardCharsets.ISO_8859_1);
    }
}
