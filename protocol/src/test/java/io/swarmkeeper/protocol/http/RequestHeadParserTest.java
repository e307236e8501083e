package io.swarmkeeper.protocol.http;

import static io.swarmkeeper.protocol.http.RequestHeadParser.COMPLETE;
import static io.swarmkeeper.protocol.http.RequestHeadParser.FAILED;
import static io.swarmkeeper.protocol.http.RequestHeadParser.NEED_MORE;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadParserTest {
    private final RequestHeadParser parser = new RequestHeadParser(200, 400);
    private final RequestHead head = new RequestHead();

    private int parse(byte[] request) {
        return parser.parse(request, 0, request.length, head);
    }

    @Test
    void reads_an_http_1_1_announce_as_keep_alive_with_its_query() {
        byte[] buf = Bytes.of("GET /announce?info_hash=x&port=1 HTTP/1.1\r\nHost: t\r\n\r\nrest");
        assertThat(parse(buf)).isEqualTo(COMPLETE);
        assertThat(head.route).isEqualTo(Route.ANNOUNCE);
        assertThat(head.http11).isTrue();
        assertThat(head.keepAlive).isTrue();
        assertThat(Bytes.text(buf, head.queryFrom, head.queryTo)).isEqualTo("info_hash=x&port=1");
        assertThat(head.length).isEqualTo(buf.length - "rest".length());
    }

    @Test
    void closes_http_1_0_unless_it_asks_for_keep_alive() {
        assertThat(parse(Bytes.of("GET /scrape HTTP/1.0\r\n\r\n"))).isEqualTo(COMPLETE);
        assertThat(head.keepAlive).isFalse();
        assertThat(head.hasQuery()).isFalse();
        assertThat(parse(Bytes.of("GET /scrape HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"))).isEqualTo(COMPLETE);
        assertThat(head.keepAlive).isTrue();
    }

    @Test
    void closes_http_1_1_that_asks_to_close() {
        assertThat(parse(Bytes.of("GET /health HTTP/1.1\nconnection: foo, close\n\n"))).isEqualTo(COMPLETE);
        assertThat(head.route).isEqualTo(Route.HEALTH);
        assertThat(head.keepAlive).isFalse();
    }

    @Test
    void remembers_where_the_forwarding_headers_are() {
        byte[] buf = Bytes.of("GET /announce HTTP/1.1\r\nX-Forwarded-For:  1.2.3.4, 5.6.7.8 \r\nx-real-ip: ::1\r\n\r\n");
        assertThat(parse(buf)).isEqualTo(COMPLETE);
        assertThat(Bytes.text(buf, head.forwardedForFrom, head.forwardedForTo)).isEqualTo("1.2.3.4, 5.6.7.8");
        assertThat(Bytes.text(buf, head.realIpFrom, head.realIpTo)).isEqualTo("::1");
    }

    @Test
    void tells_known_paths_from_unknown_ones() {
        for (Route route : new Route[] {Route.ANNOUNCE, Route.SCRAPE, Route.STATS, Route.METRICS, Route.HEALTH}) {
            parse(Bytes.of("GET /" + route.name().toLowerCase() + "?a HTTP/1.1\r\n\r\n"));
            assertThat(head.route).isEqualTo(route);
        }
        parse(Bytes.of("GET /announcex HTTP/1.1\r\n\r\n"));
        assertThat(head.route).isEqualTo(Route.UNKNOWN);
        parse(Bytes.of("GET / HTTP/1.1\r\n\r\n"));
        assertThat(head.route).isEqualTo(Route.UNKNOWN);
    }

    @Test
    void asks_for_more_bytes_until_the_blank_line_arrives() {
        String request = "GET /announce?a=b HTTP/1.1\r\nHost: x\r\n\r\n";
        for (int i = 0; i < request.length(); i++) {
            assertThat(parse(Bytes.of(request.substring(0, i)))).as("prefix %d", i).isEqualTo(NEED_MORE);
        }
        assertThat(parse(Bytes.of(request))).isEqualTo(COMPLETE);
    }

    @Test
    void reads_pipelined_requests_one_after_another() {
        byte[] buf = Bytes.of("GET /health HTTP/1.1\r\n\r\nGET /stats HTTP/1.1\r\n\r\n");
        assertThat(parse(buf)).isEqualTo(COMPLETE);
        assertThat(head.route).isEqualTo(Route.HEALTH);
        assertThat(parser.parse(buf, head.length, buf.length, head)).isEqualTo(COMPLETE);
        assertThat(head.route).isEqualTo(Route.STATS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /announce HTTP/1.1\r\n\r\n", "HEAD / HTTP/1.1\r\n\r\n", "DELETE", "PUT "})
    void refuses_other_methods_with_405(String request) {
        assertThat(parse(Bytes.of(request))).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.METHOD_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0001garbage\r\n\r\n", "get / HTTP/1.1\r\n\r\n", "GET announce HTTP/1.1\r\n\r\n",
            "GET /announce HTTP/2.0\r\n\r\n", "GET /announce\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n",
            "GET /announce HTTP/1.1\r\nNo colon here\r\n\r\n", "GET /announce HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
            "GET /announce HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", "GET /announce HTTP/1.1\r\nName : v\r\n\r\n",
            "GET /announce HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", " GET / HTTP/1.1\r\n\r\n"})
    void refuses_what_is_not_a_plain_get_with_400(String request) {
        assertThat(parse(Bytes.of(request))).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.MALFORMED_REQUEST);
    }

    @Test
    void refuses_a_request_line_over_its_limit_with_414_even_before_it_ends() {
        assertThat(parse(Bytes.of("GET /announce?" + "a".repeat(300)))).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.REQUEST_LINE_TOO_LONG);
        assertThat(parse(Bytes.of("GET /announce?" + "a".repeat(300) + " HTTP/1.1\r\n\r\n"))).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.REQUEST_LINE_TOO_LONG);
    }

    @Test
    void accepts_a_request_line_of_exactly_its_limit() {
        String line = "GET /announce?" + "a".repeat(200 - "GET /announce? HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(200);
        assertThat(parse(Bytes.of(line + "\r\n\r\n"))).isEqualTo(COMPLETE);
    }

    @Test
    void refuses_headers_over_their_limit_with_431_even_before_they_end() {
        String big = "GET /announce HTTP/1.1\r\nCookie: " + "c".repeat(500);
        assertThat(parse(Bytes.of(big))).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.HEADERS_TOO_LARGE);
        assertThat(parse(Bytes.of(big + "\r\n\r\n"))).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.HEADERS_TOO_LARGE);
    }

    @Property(tries = 5000)
    void random_bytes_give_a_verdict_and_never_throw(@ForAll("heads") byte[] input) {
        // Behind other bytes and before more, as in a read buffer: offsets must stay inside the input.
        int start = 7;
        byte[] buf = new byte[start + input.length + 5];
        System.arraycopy(input, 0, buf, start, input.length);
        int verdict = parser.parse(buf, start, start + input.length, head);
        assertThat(verdict).isIn(COMPLETE, NEED_MORE, FAILED);
        assertThat(head.failure != null).isEqualTo(verdict == FAILED);
        if (verdict == COMPLETE) {
            assertThat(head.length).isBetween(1, input.length);
            assertThat(head.queryFrom).isBetween(start, head.queryTo);
            assertThat(head.queryTo).isLessThanOrEqualTo(start + head.length);
        }
    }

    @Property(tries = 2000)
    void a_request_cut_anywhere_is_either_incomplete_or_the_same_request(@ForAll @IntRange(max = 80) int cut) {
        String request = "GET /scrape?info_hash=%00 HTTP/1.1\r\nX-Real-IP: 1.1.1.1\r\n\r\n";
        int verdict = parse(Bytes.of(request.substring(0, Math.min(cut, request.length()))));
        assertThat(verdict).isEqualTo(cut >= request.length() ? COMPLETE : NEED_MORE);
    }

    /**
     * What the transports size their buffers by: that many bytes settle the head even when the
     * request line takes all it may, and one fewer may not.
     */
    @Test
    void max_head_bytes_settle_a_head_whose_request_line_is_as_long_as_allowed() {
        String line = "GET /announce?" + "a".repeat(200 - "GET /announce? HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(200);
        int maxHead = RequestHeadParser.maxHead(200, 400);
        byte[] bytes = Bytes.of(line + "\r\nX: " + "y".repeat(maxHead));
        assertThat(parser.parse(bytes, 0, maxHead - 1, head)).isEqualTo(NEED_MORE);
        assertThat(parser.parse(bytes, 0, maxHead, head)).isEqualTo(FAILED);
        assertThat(head.failure).isEqualTo(HttpFailure.HEADERS_TOO_LARGE);
    }

    /** Mostly noise, sometimes starting like a real request so the parser gets past the method. */
    @Provide
    Arbitrary<byte[]> heads() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<String> texty = Arbitraries.strings().withChars("GET /announce?=&%HTP1.0\r\n: ,xXforwadeil-")
                .ofMaxLength(600).map(s -> "GET /" + s);
        return Arbitraries.oneOf(noise, texty.map(s -> s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }
}
