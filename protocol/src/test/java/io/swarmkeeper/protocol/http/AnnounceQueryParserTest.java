package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.InfoHash;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnounceQueryParserTest {
    private static final String HASH = "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A";
    private static final String PEER = "-qB4650-abcdefghijkl";
    private static final String VALID = "info_hash=" + HASH + "&peer_id=" + PEER + "&port=6881&uploaded=1&downloaded=2&left=3";

    private final AnnounceQueryParser parser = new AnnounceQueryParser();
    private final AnnounceRequest request = new AnnounceRequest();

    @Test
    void reads_a_typical_client_announce() {
        assertThat(parse(VALID + "&event=started&numwant=30&compact=1&key=1A2B3C4D&trackerid=x&supportcrypto=1")).isNull();
        assertThat(InfoHash.toHex(request.infoHashHigh, request.infoHashMiddle, request.infoHashLow))
                .isEqualTo("123456789abcdef123456789abcdef123456789a");
        assertThat(new String(request.peerId)).isEqualTo(PEER);
        assertThat(request.port).isEqualTo(6881);
        assertThat(request.uploaded).isEqualTo(1);
        assertThat(request.downloaded).isEqualTo(2);
        assertThat(request.left).isEqualTo(3);
        assertThat(request.event).isEqualTo(AnnounceEvent.STARTED);
        assertThat(request.numwant).isEqualTo(30);
        assertThat(request.compact).isTrue();
        assertThat(request.hasKey).isTrue();
        assertThat(request.key).isEqualTo(0x1A2B3C4D);
    }

    @Test
    void knows_every_event_of_bep_3_and_bep_21() {
        for (String name : new String[] {"started", "stopped", "completed", "paused", ""}) {
            assertThat(parse(VALID + "&event=" + name)).isNull();
            assertThat(AnnounceEvent.name(request.event)).isEqualTo(name.isEmpty() ? "none" : name);
        }
    }

    @Test
    void reads_compact_0_as_a_request_for_dictionary_peers() {
        assertThat(parse(VALID + "&compact=0&no_peer_id=1")).isNull();
        assertThat(request.compact).isFalse();
        assertThat(request.noPeerId).isTrue();
    }

    @Test
    void records_claimed_addresses_of_either_family() {
        assertThat(parse(VALID + "&ip=10.0.0.1&ipv6=%5B2001%3Adb8%3A%3A1%5D%3A6881")).isNull();
        assertThat(request.claimedIpv4Present).isTrue();
        assertThat(request.claimedIpv4).isEqualTo(0x0A000001);
        assertThat(request.claimedIpv6Present).isTrue();
        assertThat(request.claimedIpv6High).isEqualTo(0x20010db800000000L);
        assertThat(request.claimedIpv6Low).isEqualTo(1);
    }

    @Test
    void ignores_a_claimed_address_that_does_not_parse() {
        assertThat(parse(VALID + "&ip=tracker.example.org&ipv4=1.2.3&ipv6=nope")).isNull();
        assertThat(request.claimedIpv4Present).isFalse();
        assertThat(request.claimedIpv6Present).isFalse();
    }

    @Test
    void skips_keys_it_does_not_know_whatever_their_values() {
        assertThat(parse(VALID + "&x=%4&passkey=" + "p".repeat(200) + "&ip=" + "host.".repeat(20) + "example")).isNull();
        assertThat(request.claimedIpv4Present).isFalse();
    }

    @Test
    void knows_each_key_by_its_whole_name_only() {
        assertThat(parse(VALID.replace("info_hash", "info_hasH"))).isEqualTo(HttpFailure.MISSING_INFO_HASH);
        assertThat(parse(VALID.replace("peer_id", "peer_iD"))).isEqualTo(HttpFailure.MISSING_PEER_ID);
        assertThat(parse(VALID.replace("port", "sort"))).isEqualTo(HttpFailure.MISSING_PORT);
        assertThat(parse(VALID.replace("left", "lefT"))).isEqualTo(HttpFailure.MISSING_LEFT);
        assertThat(parse(VALID.replace("uploaded", "uploadeD").replace("downloaded", "dOwnloaded")
                + "&evenT=stopped&numwanT=5&compacT=0&no_peer_iD=1&kei=1&iq=1.2.3.4&ipv5=1.2.3.4&ipV6=::1")).isNull();
        assertThat(request.uploaded).isZero();
        assertThat(request.downloaded).isZero();
        assertThat(request.event).isEqualTo(AnnounceEvent.NONE);
        assertThat(request.numwant).isEqualTo(AnnounceRequest.NUMWANT_DEFAULT);
        assertThat(request.compact).isTrue();
        assertThat(request.noPeerId).isFalse();
        assertThat(request.hasKey).isFalse();
        assertThat(request.claimedIpv4Present).isFalse();
        assertThat(request.claimedIpv6Present).isFalse();

        assertThat(parse(VALID + "&no_peer_id=1&ipv4=1.2.3.4&ipv6=::1")).isNull();
        assertThat(request.noPeerId).isTrue();
        assertThat(request.claimedIpv4).isEqualTo(0x01020304);
        assertThat(request.claimedIpv6Low).isEqualTo(1);
    }

    @Test
    void takes_a_negative_numwant_as_the_default() {
        assertThat(parse(VALID + "&numwant=-1")).isNull();
        assertThat(request.numwant).isEqualTo(AnnounceRequest.NUMWANT_DEFAULT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|MISSING_INFO_HASH",
            "peer_id=" + PEER + "&port=1&left=0|MISSING_INFO_HASH",
            "info_hash=abc&peer_id=" + PEER + "&port=1&left=0|INVALID_INFO_HASH",
            "info_hash=" + HASH + "%00&peer_id=" + PEER + "&port=1&left=0|INVALID_INFO_HASH",
            "info_hash=" + HASH + "&port=1&left=0|MISSING_PEER_ID",
            "info_hash=" + HASH + "&peer_id=short&port=1&left=0|INVALID_PEER_ID",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&left=0|MISSING_PORT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=0&left=0|INVALID_PORT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=65536&left=0|INVALID_PORT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=-1&left=0|INVALID_PORT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=x&left=0|INVALID_PORT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1|MISSING_LEFT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=-5|INVALID_NUMBER",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=9223372036854775808|INVALID_NUMBER",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=0&uploaded=1e5|INVALID_NUMBER",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=0&downloaded=|INVALID_NUMBER",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=0&event=begun|INVALID_EVENT",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=0&numwant=lots|INVALID_NUMWANT",
            "info_hash=%zz&peer_id=" + PEER + "&port=1&left=0|BAD_PERCENT_ENCODING",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=0&key=%4|BAD_PERCENT_ENCODING",
            "info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=0&key=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|VALUE_TOO_LONG",
    })
    void names_what_is_wrong_with_a_bad_announce(String query, HttpFailure expected) {
        assertThat(parse(query)).isEqualTo(expected);
    }

    @Test
    void takes_the_largest_numbers_that_fit_a_long() {
        assertThat(parse(VALID.replace("left=3", "left=9223372036854775807"))).isNull();
        assertThat(request.left).isEqualTo(Long.MAX_VALUE);
    }

    @Property
    void reads_back_what_a_client_encodes(@ForAll("announces") AnnounceRequest sent) {
        assertThat(parse(QueryEncoder.announce(sent))).isNull();
        assertThat(request.infoHashHigh).isEqualTo(sent.infoHashHigh);
        assertThat(request.infoHashMiddle).isEqualTo(sent.infoHashMiddle);
        assertThat(request.infoHashLow).isEqualTo(sent.infoHashLow);
        assertThat(request.peerId).isEqualTo(sent.peerId);
        assertThat(request.port).isEqualTo(sent.port);
        assertThat(request.uploaded).isEqualTo(sent.uploaded);
        assertThat(request.downloaded).isEqualTo(sent.downloaded);
        assertThat(request.left).isEqualTo(sent.left);
        assertThat(request.event).isEqualTo(sent.event);
        assertThat(request.numwant).isEqualTo(sent.numwant);
        assertThat(request.compact).isEqualTo(sent.compact);
        assertThat(request.hasKey).isEqualTo(sent.hasKey);
        assertThat(request.key).isEqualTo(sent.key);
        assertThat(request.claimedIpv4Present).isEqualTo(sent.claimedIpv4Present);
        assertThat(request.claimedIpv4).isEqualTo(sent.claimedIpv4);
        assertThat(request.claimedIpv6Present).isEqualTo(sent.claimedIpv6Present);
        assertThat(request.claimedIpv6High).isEqualTo(sent.claimedIpv6High);
        assertThat(request.claimedIpv6Low).isEqualTo(sent.claimedIpv6Low);
    }

    @Property(tries = 5000)
    void random_query_bytes_give_a_verdict_and_never_throw(@ForAll("queries") byte[] query) {
        parser.parse(query, 0, query.length, request);
    }

    @Provide
    Arbitrary<byte[]> queries() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> texty = Arbitraries.strings().withChars("info_hashpeerdortlfvnmwcpk=&%0123456789aAfF-").ofMaxLength(300)
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return Arbitraries.oneOf(noise, texty);
    }

    @Provide
    Arbitrary<AnnounceRequest> announces() {
        Arbitrary<byte[]> twenty = Arbitraries.bytes().array(byte[].class).ofSize(20);
        Arbitrary<Long> amount = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Integer> event = Arbitraries.of(AnnounceEvent.NONE, AnnounceEvent.STARTED, AnnounceEvent.STOPPED,
                AnnounceEvent.COMPLETED, AnnounceEvent.PAUSED);
        Arbitrary<Integer> numwant = Arbitraries.integers().between(-1, Integer.MAX_VALUE);
        Arbitrary<long[]> ipv6 = Arbitraries.longs().array(long[].class).ofSize(2);
        return Combinators.combine(twenty, twenty, Arbitraries.integers().between(1, 65535), amount, amount, amount,
                        event, numwant).as((hash, id, port, up, down, left, ev, want) -> {
                    AnnounceRequest r = new AnnounceRequest();
                    r.infoHashHigh = InfoHash.high(hash, 0);
                    r.infoHashMiddle = InfoHash.middle(hash, 0);
                    r.infoHashLow = InfoHash.low(hash, 0);
                    System.arraycopy(id, 0, r.peerId, 0, 20);
                    r.port = port;
                    r.uploaded = up;
                    r.downloaded = down;
                    r.left = left;
                    r.event = ev;
                    r.numwant = want;
                    return r;
                }).flatMap(r -> Combinators.combine(Arbitraries.integers(), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.integers(), ipv6, Arbitraries.of(true, false))
                        .as((key, compact, v4, ip4, ip6, v6) -> {
                            r.key = key;
                            r.hasKey = key % 3 != 0;
                            if (!r.hasKey) {
                                r.key = 0;
                            }
                            r.compact = compact;
                            r.claimedIpv4Present = v4;
                            r.claimedIpv4 = v4 ? ip4 : 0;
                            r.claimedIpv6Present = v6;
                            r.claimedIpv6High = v6 ? ip6[0] : 0;
                            r.claimedIpv6Low = v6 ? ip6[1] : 0;
                            return r;
                        }));
    }

    private HttpFailure parse(String query) {
        byte[] bytes = Bytes.of(query);
        return parser.parse(bytes, 0, bytes.length, request);
    }
}
