package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.protocol.bencode.BencodeDecoder;
import io.swarmkeeper.protocol.bencode.BencodeEncoder;
import io.swarmkeeper.protocol.bencode.DecodeException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReplyWritersTest {
    private final AnnounceReplyWriter writer = new AnnounceReplyWriter();

    @Test
    void writes_a_compact_reply_with_both_families_and_the_address_it_saw() throws DecodeException {
        ByteBuf out = Unpooled.buffer();
        writer.begin(out, 10, true);
        writer.externalIpv4(0x7F000001);
        writer.ipv6(0x20010db800000000L, 1, 6882);
        writer.ipv4(0x0A000001, 6881);
        writer.finish(1800, 900, 1, 2, 3);
        Map<String, Object> reply = BencodeDecoder.decodeDict(ByteBufUtil.getBytes(out));
        assertThat(reply).containsOnlyKeys("complete", "downloaded", "external ip", "incomplete", "interval",
                "min interval", "peers", "peers6");
        assertThat(reply).containsEntry("interval", 1800L).containsEntry("min interval", 900L)
                .containsEntry("complete", 1L).containsEntry("incomplete", 2L).containsEntry("downloaded", 3L);
        assertThat((byte[]) reply.get("external ip")).containsExactly(127, 0, 0, 1);
        assertThat((byte[]) reply.get("peers")).containsExactly(10, 0, 0, 1, 0x1A, (byte) 0xE1);
        assertThat((byte[]) reply.get("peers6")).containsExactly(0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 1, 0x1A, (byte) 0xE2);
    }

    @Test
    void writes_dictionary_peers_of_both_families_without_peer_ids() throws DecodeException {
        ByteBuf out = Unpooled.buffer();
        writer.begin(out, 10, false);
        writer.externalIpv6(0, 1);
        writer.ipv4(0xC0A80001, 1);
        writer.ipv6(0xfe80000000000000L, 0xabcdL, 65535);
        writer.finish(60, 30, 0, 0, 0);
        Map<String, Object> reply = BencodeDecoder.decodeDict(ByteBufUtil.getBytes(out));
        assertThat((byte[]) reply.get("external ip")).hasSize(16);
        assertThat(reply).doesNotContainKey("peers6");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> peers = (List<Map<String, Object>>) reply.get("peers");
        assertThat(peers).hasSize(2);
        assertThat(new String((byte[]) peers.get(0).get("ip"), StandardCharsets.US_ASCII)).isEqualTo("192.168.0.1");
        assertThat(peers.get(0)).containsOnlyKeys("ip", "port").containsEntry("port", 1L);
        assertThat(new String((byte[]) peers.get(1).get("ip"), StandardCharsets.US_ASCII)).isEqualTo("fe80:0:0:0:0:0:0:abcd");
        assertThat(peers.get(1)).containsEntry("port", 65535L);
    }

    @Test
    void puts_a_warning_message_last_as_sorting_requires() throws DecodeException {
        ByteBuf out = Unpooled.buffer();
        writer.begin(out, 1, true);
        writer.warning(BencodeEncoder.key("slow down"));
        writer.finish(1, 1, 0, 0, 0);
        Map<String, Object> reply = BencodeDecoder.decodeDict(ByteBufUtil.getBytes(out));
        assertThat(new String((byte[]) reply.get("warning message"), StandardCharsets.US_ASCII)).isEqualTo("slow down");
        assertThat((byte[]) reply.get("peers")).isEmpty();
    }

    @Test
    void drops_peers_beyond_what_it_reserved_room_for() throws DecodeException {
        ByteBuf out = Unpooled.buffer();
        writer.begin(out, 2, true);
        for (int i = 0; i < 5; i++) {
            writer.ipv4(i, i);
        }
        writer.finish(1, 1, 0, 0, 0);
        assertThat((byte[]) BencodeDecoder.decodeDict(ByteBufUtil.getBytes(out)).get("peers")).hasSize(12);
    }

    @Property(tries = 300)
    void any_mix_of_peers_decodes_to_the_same_peers_in_the_same_order(
            @ForAll @Size(max = 60) List<@Size(18) byte[]> peers, @ForAll boolean compact,
            @ForAll @IntRange(max = 40) int maxPeers, @ForAll @IntRange(min = 0) int complete,
            @ForAll boolean batched) throws DecodeException {
        ByteBuf out = Unpooled.buffer();
        out.writerIndex(ResponseHead.RESERVE);
        int bodyStart = out.writerIndex();
        writer.begin(out, maxPeers, compact);
        ByteArrayOutputStream v4 = new ByteArrayOutputStream();
        ByteArrayOutputStream v6 = new ByteArrayOutputStream();
        List<String> dictPeers4 = new ArrayList<>();
        List<String> dictPeers6 = new ArrayList<>();
        // IPv4 peers either one by one or, as the store hands them over, in batches of longs.
        long[] batch = new long[peers.size()];
        int batchSize = 0;
        for (byte[] p : peers) {
            ByteBuffer b = ByteBuffer.wrap(p);
            boolean six = (p[17] & 1) == 1;
            if (six) {
                long high = b.getLong();
                long low = b.getLong();
                int port = b.getShort() & 0xFFFF;
                if (dictPeers6.size() < maxPeers) {
                    v6.write(p, 0, 18);
                    dictPeers6.add(port + "@" + Long.toHexString(high) + "/" + Long.toHexString(low));
                }
                writer.ipv4(batch, batchSize);
                batchSize = 0;
                writer.ipv6(high, low, port);
            } else {
                int address = b.getInt();
                int port = b.getShort() & 0xFFFF;
                if (dictPeers4.size() < maxPeers) {
                    v4.write(p, 0, 6);
                    dictPeers4.add(port + "@" + Integer.toHexString(address));
                }
                if (batched) {
                    batch[batchSize++] = (address & 0xFFFF_FFFFL) << 16 | port | 0x5A5AL << 48;
                } else {
                    writer.ipv4(address, port);
                }
            }
        }
        writer.ipv4(batch, batchSize);
        writer.finish(10, 5, complete, 0, 0);
        assertThat(out.writerIndex() - bodyStart).isLessThanOrEqualTo(AnnounceReplyWriter.maxBodySize(maxPeers, compact));
        ResponseHead.writeBefore(out, bodyStart, 200, ResponseHead.TEXT_PLAIN, true);
        String head = out.toString(out.readerIndex(), bodyStart - out.readerIndex(), StandardCharsets.US_ASCII);
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Content-Length: " + (out.writerIndex() - bodyStart) + "\r\n").endsWith("\r\n\r\n");
        Map<String, Object> reply = BencodeDecoder.decodeDict(ByteBufUtil.getBytes(out, bodyStart, out.writerIndex() - bodyStart));
        assertThat(reply).containsEntry("complete", (long) complete);
        if (compact) {
            assertThat((byte[]) reply.get("peers")).isEqualTo(v4.toByteArray());
            if (v6.size() > 0) {
                assertThat((byte[]) reply.get("peers6")).isEqualTo(v6.toByteArray());
            } else {
                assertThat(reply).doesNotContainKey("peers6");
            }
        } else {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) reply.get("peers");
            assertThat(list).hasSize(dictPeers4.size() + dictPeers6.size());
        }
    }

    @Test
    void writes_scrape_files_keyed_by_raw_hash() throws DecodeException {
        ByteBuf out = Unpooled.buffer();
        ScrapeReplyWriter.begin(out);
        ScrapeReplyWriter.file(out, 0x0102030405060708L, 0, 0xFF, 5, 7, 2, 3);
        ScrapeReplyWriter.finish(out);
        Map<String, Object> reply = BencodeDecoder.decodeDict(ByteBufUtil.getBytes(out));
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>) reply.get("files");
        String key = files.keySet().iterator().next();
        assertThat(key.getBytes(StandardCharsets.ISO_8859_1)).hasSize(20).startsWith(1, 2, 3, 4, 5, 6, 7, 8).endsWith(0, 0, 0, (byte) 0xFF);
        assertThat(files.get(key)).isEqualTo(Map.of("complete", 5L, "downloaded", 7L, "downloaders", 2L, "incomplete", 3L));
    }

    @Test
    void every_failure_body_is_a_bencoded_failure_reason() throws DecodeException {
        for (HttpFailure failure : HttpFailure.values()) {
            Map<String, Object> body = BencodeDecoder.decodeDict(failure.body());
            assertThat(new String((byte[]) body.get("failure reason"), StandardCharsets.UTF_8)).isEqualTo(failure.reason());
            if (failure.retryInMinutes() == RetryIn.NEVER) {
                assertThat(new String((byte[]) body.get("retry in"), StandardCharsets.US_ASCII)).isEqualTo("never");
            } else if (failure.retryInMinutes() > 0) {
                assertThat(body).containsEntry("retry in", (long) failure.retryInMinutes());
            } else {
                assertThat(body).containsOnlyKeys("failure reason");
            }
        }
    }
}
