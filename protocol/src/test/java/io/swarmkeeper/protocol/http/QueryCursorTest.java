package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QueryCursorTest {
    private final QueryCursor cursor = new QueryCursor();

    @Test
    void decodes_plain_and_escaped_bytes_alike() {
        assertThat(decode("a%41b%2fc%2F", 20)).isEqualTo(Bytes.of("aAb/c/"));
        assertThat(decode("%00%ff%FF", 20)).containsExactly(0, -1, -1);
        assertThat(decode("1234567890", 20)).isEqualTo(Bytes.of("1234567890"));
        assertThat(decode("+", 20)).isEqualTo(Bytes.of("+"));
    }

    @Test
    void tells_a_broken_escape_from_a_value_too_long() {
        assertThat(decodeLength("%4", 20)).isEqualTo(QueryCursor.BAD_ENCODING);
        assertThat(decodeLength("ab%", 20)).isEqualTo(QueryCursor.BAD_ENCODING);
        assertThat(decodeLength("%zz", 20)).isEqualTo(QueryCursor.BAD_ENCODING);
        assertThat(decodeLength("abc", 2)).isEqualTo(QueryCursor.TOO_LONG);
        assertThat(decodeLength("%41%42%43", 2)).isEqualTo(QueryCursor.TOO_LONG);
        // The first offending byte decides.
        assertThat(decodeLength("abc%zz", 2)).isEqualTo(QueryCursor.TOO_LONG);
        assertThat(decodeLength("a%zzbc", 2)).isEqualTo(QueryCursor.BAD_ENCODING);
    }

    private byte[] decode(String value, int room) {
        byte[] dst = new byte[room];
        int n = decodeLength(value, dst);
        assertThat(n).isNotNegative();
        return Arrays.copyOf(dst, n);
    }

    private int decodeLength(String value, int room) {
        return decodeLength(value, new byte[room]);
    }

    private int decodeLength(String value, byte[] dst) {
        byte[] query = Bytes.of("k=" + value);
        cursor.reset(query, 0, query.length);
        assertThat(cursor.next()).isTrue();
        return cursor.decodeValue(dst);
    }
}
