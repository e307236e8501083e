package io.swarmkeeper.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UdpScrapeCodecTest {
    private static final ConnectionIdCheck IDS = id -> id == 5;

    @Property
    void a_scrape_request_round_trips_up_to_74_info_hashes(
            @ForAll @Size(min = 1, max = 74) List<@Size(3) List<Long>> hashes, @ForAll int transactionId) {
        ByteBuf packet = Buffers.empty();
        UdpScrapeRequest.writeHeader(packet, 5, transactionId);
        for (List<Long> h : hashes) {
            UdpScrapeRequest.writeInfoHash(packet, h.get(0), h.get(1), h.get(2).intValue());
        }
        packet = Buffers.shifted(packet);

        assertThat(UdpRequestDecoder.decode(packet, IDS, null)).isNull();
        assertThat(UdpRequestHeader.action(packet)).isEqualTo(UdpAction.SCRAPE);
        assertThat(UdpRequestHeader.transactionId(packet)).isEqualTo(transactionId);
        assertThat(UdpScrapeRequest.infoHashCount(packet)).isEqualTo(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            assertThat(UdpScrapeRequest.infoHashHigh(packet, i)).isEqualTo(hashes.get(i).get(0));
            assertThat(UdpScrapeRequest.infoHashMiddle(packet, i)).isEqualTo(hashes.get(i).get(1));
            assertThat(UdpScrapeRequest.infoHashLow(packet, i)).isEqualTo(hashes.get(i).get(2).intValue());
        }
    }

    @Property
    void a_scrape_reply_round_trips(@ForAll @Size(max = 74) List<@Size(3) List<Integer>> entries,
                                    @ForAll int transactionId) {
        ByteBuf packet = Buffers.empty();
        UdpScrapeResponse.writeHeader(packet, transactionId);
        for (List<Integer> e : entries) {
            UdpScrapeResponse.writeEntry(packet, e.get(0), e.get(1), e.get(2));
        }
        packet = Buffers.shifted(packet);

        assertThat(UdpScrapeResponse.check(packet)).isNull();
        assertThat(UdpScrapeResponse.transactionId(packet)).isEqualTo(transactionId);
        assertThat(UdpScrapeResponse.entryCount(packet)).isEqualTo(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(UdpScrapeResponse.seeders(packet, i)).isEqualTo(entries.get(i).get(0));
            assertThat(UdpScrapeResponse.completed(packet, i)).isEqualTo(entries.get(i).get(1));
            assertThat(UdpScrapeResponse.leechers(packet, i)).isEqualTo(entries.get(i).get(2));
        }
    }

    @Test
    void a_scrape_of_75_info_hashes_is_refused_with_a_sendable_error() {
        assertThat(UdpRequestDecoder.decode(scrapeOf(75), IDS, null))
                .isSameAs(UdpDecodeError.SCRAPE_TOO_MANY_INFO_HASHES)
                .matches(UdpDecodeError::sendable);
    }

    @Test
    void a_scrape_without_info_hashes_is_refused() {
        assertThat(UdpRequestDecoder.decode(scrapeOf(0), IDS, null)).isSameAs(UdpDecodeError.SCRAPE_WITHOUT_INFO_HASH);
    }

    @Test
    void a_scrape_that_ends_inside_an_info_hash_is_refused() {
        ByteBuf packet = scrapeOf(2).writeByte(1);

        assertThat(UdpRequestDecoder.decode(packet, IDS, null)).isSameAs(UdpDecodeError.SCRAPE_PARTIAL_INFO_HASH);
    }

    private static ByteBuf scrapeOf(int hashes) {
        ByteBuf packet = Buffers.empty();
        UdpScrapeRequest.writeHeader(packet, 5, 1);
        for (int i = 0; i < hashes; i++) {
            UdpScrapeRequest.writeInfoHash(packet, i, i, i);
        }
        return packet;
    }
}
