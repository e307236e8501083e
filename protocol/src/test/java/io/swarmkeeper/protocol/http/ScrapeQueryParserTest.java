package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.InfoHash;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ScrapeQueryParserTest {
    private final ScrapeQueryParser parser = new ScrapeQueryParser();
    private final ScrapeRequest request = new ScrapeRequest(4);

    @Test
    void reads_no_hash_as_a_full_scrape() {
        assertThat(parse("")).isNull();
        assertThat(request.count).isZero();
    }

    @Test
    void refuses_more_hashes_than_it_may_answer() {
        byte[][] five = new byte[5][];
        for (int i = 0; i < 5; i++) {
            five[i] = new byte[20];
            five[i][0] = (byte) i;
        }
        assertThat(parse(QueryEncoder.scrape(five))).isEqualTo(HttpFailure.TOO_MANY_INFO_HASHES);
        assertThat(parse(QueryEncoder.scrape(five[0], five[1], five[2], five[3], five[0]))).isNull();
        assertThat(request.count).isEqualTo(4);
    }

    @Test
    void refuses_a_hash_of_the_wrong_length_or_encoding() {
        assertThat(parse("info_hash=abc")).isEqualTo(HttpFailure.INVALID_INFO_HASH);
        assertThat(parse("info_hash=%G1")).isEqualTo(HttpFailure.BAD_PERCENT_ENCODING);
    }

    @Property
    void gives_the_hashes_back_sorted_by_their_bytes_and_without_repeats(
            @ForAll @Size(max = 6) List<@Size(20) byte[]> hashes) {
        HttpFailure failure = parse(QueryEncoder.scrape(hashes.toArray(byte[][]::new)));
        TreeSet<byte[]> expected = new TreeSet<>(Arrays::compareUnsigned);
        expected.addAll(hashes);
        if (expected.size() > request.capacity()) {
            assertThat(failure).isEqualTo(HttpFailure.TOO_MANY_INFO_HASHES);
            return;
        }
        assertThat(failure).isNull();
        assertThat(request.count).isEqualTo(expected.size());
        int i = 0;
        for (byte[] hash : expected) {
            assertThat(InfoHash.toBytes(request.high[i], request.middle[i], request.low[i])).isEqualTo(hash);
            i++;
        }
    }

    @Property(tries = 3000)
    void random_query_bytes_never_throw(@ForAll byte[] query) {
        parser.parse(query, 0, query.length, request);
        assertThat(request.count).isBetween(0, request.capacity());
    }

    private HttpFailure parse(String query) {
        byte[] bytes = Bytes.of(query);
        return parser.parse(bytes, 0, bytes.length, request);
    }
}
