package io.swarmkeeper.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.bench.load.ReplyError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpReplyCheckTest {
    private final HttpReplyCheck check = new HttpReplyCheck();

    @Test
    void a_compact_announce_reply_passes_and_its_peers_are_counted() {
        assertThat(announce("d8:intervali1800e5:peers12:abcdefghijkle", 30)).isNull();
        assertThat(check.peers).isEqualTo(2);
    }

    @Test
    void a_failure_reason_is_an_error_reply() {
        assertThat(announce("d14:failure reason8:not heree", 30)).isEqualTo(ReplyError.ERROR_REPLY);
    }

    @Test
    void a_compact_string_ending_inside_a_peer_is_bad_bencode() {
        assertThat(announce("d8:intervali1800e5:peers7:abcdefge", 30)).isEqualTo(ReplyError.BAD_BENCODE);
    }

    @Test
    void more_peers_than_numwant_fail() {
        assertThat(announce("d8:intervali1800e5:peers12:abcdefghijkle", 1)).isEqualTo(ReplyError.TOO_MANY_PEERS);
    }

    @Test
    void a_scrape_reply_with_more_files_than_asked_fails() {
        String files = "d5:filesd20:aaaaaaaaaaaaaaaaaaaad8:completei1e10:downloadedi0e10:incompletei2ee"
                + "20:bbbbbbbbbbbbbbbbbbbbd8:completei1e10:downloadedi0e10:incompletei2eeee";
        byte[] body = files.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(check.scrape(body, body.length, 2)).isNull();
        assertThat(check.scrape(body, body.length, 1)).isEqualTo(ReplyError.WRONG_ENTRY_COUNT);
    }

    @Test
    void text_that_is_not_bencode_fails() {
        assertThat(announce("<html>busy</html>", 30)).isEqualTo(ReplyError.BAD_BENCODE);
    }

    private ReplyError announce(String reply, int numwant) {
        byte[] body = reply.getBytes(StandardCharsets.ISO_8859_1);
        return check.announce(body, body.length, numwant);
    }
}
