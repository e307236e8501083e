package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DecimalTest {
    @Test
    void reads_the_edges_of_a_long() {
        assertThat(parse("0")).isZero();
        assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parse("9223372036854775808")).isEqualTo(Decimal.INVALID);
        assertThat(parse("9999999999999999999")).isEqualTo(Decimal.INVALID);
        assertThat(parse("10000000000000000000")).isEqualTo(Decimal.INVALID);
        assertThat(parse("0000000000000000000009223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parse("")).isEqualTo(Decimal.INVALID);
        assertThat(parse("12a")).isEqualTo(Decimal.INVALID);
        assertThat(parse("-1")).isEqualTo(Decimal.INVALID);
        assertThat(parse("+1")).isEqualTo(Decimal.INVALID);
        assertThat(parse("922337203685477580/")).isEqualTo(Decimal.INVALID);
    }

    /** Against the JDK's parser: what it reads as a non-negative long we read the same, and nothing else. */
    @Property(tries = 5000)
    void reads_what_the_jdk_reads(@ForAll("numbers") String text) {
        long expected;
        try {
            expected = text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Decimal.INVALID : Long.parseLong(text);
        } catch (NumberFormatException e) {
            expected = Decimal.INVALID;
        }
        assertThat(parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(24);
        Arbitrary<String> zeroPadded = Arbitraries.longs().between(0, Long.MAX_VALUE)
                .flatMap(v -> Arbitraries.integers().between(0, 5).map(z -> "0".repeat(z) + v));
        Arbitrary<String> nearMax = Arbitraries.longs().between(0, 1_000_000)
                .map(d -> new java.math.BigInteger(Long.toString(Long.MAX_VALUE)).add(java.math.BigInteger.valueOf(d - 500_000)).toString());
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789/:-+ a").ofMaxLength(21);
        return Arbitraries.oneOf(digits, zeroPadded, nearMax, noise);
    }

    private static long parse(String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
        return Decimal.parse(bytes, 1, bytes.length - 1);
    }
}
