package io.swarmkeeper.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {
    private final HttpResponseParser parser = new HttpResponseParser();

    @Test
    void a_keep_alive_response_with_content_length_is_complete_when_its_body_is() {
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\ncontent-length: 5\r\n\r\nd1:ae");
        assertThat(parser.parse(in, false)).isEqualTo(HttpResponseParser.COMPLETE);
        assertThat(parser.status).isEqualTo(200);
        assertThat(parser.bodyLength).isEqualTo(5);
        assertThat(in.toString(parser.bodyFrom, parser.bodyLength, StandardCharsets.US_ASCII)).isEqualTo("d1:ae");
        assertThat(parser.close).isFalse();
        in.release();
    }

    @Test
    void a_body_not_yet_all_read_is_incomplete() {
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nd1:a");
        assertThat(parser.parse(in, false)).isEqualTo(HttpResponseParser.INCOMPLETE);
        assertThat(parser.parse(in, true)).isEqualTo(HttpResponseParser.MALFORMED);
        in.release();
    }

    @Test
    void an_http_1_0_response_without_length_runs_to_the_close() {
        ByteBuf in = ascii("HTTP/1.0 200 OK\r\n\r\nde");
        assertThat(parser.parse(in, false)).isEqualTo(HttpResponseParser.INCOMPLETE);
        assertThat(parser.parse(in, true)).isEqualTo(HttpResponseParser.COMPLETE);
        assertThat(parser.bodyLength).isEqualTo(2);
        assertThat(parser.close).isTrue();
        in.release();
    }

    @Test
    void connection_close_is_noticed() {
        ByteBuf in = ascii("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        assertThat(parser.parse(in, false)).isEqualTo(HttpResponseParser.COMPLETE);
        assertThat(parser.status).isEqualTo(400);
        assertThat(parser.close).isTrue();
        in.release();
    }

    @Test
    void chunked_bodies_and_garbage_are_malformed() {
        ByteBuf chunked = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n");
        ByteBuf garbage = ascii("SSH-2.0-OpenSSH\r\n\r\n");
        assertThat(parser.parse(chunked, false)).isEqualTo(HttpResponseParser.MALFORMED);
        assertThat(parser.parse(garbage, false)).isEqualTo(HttpResponseParser.MALFORMED);
        chunked.release();
        garbage.release();
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }
}
