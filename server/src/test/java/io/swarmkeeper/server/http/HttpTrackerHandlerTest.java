package io.swarmkeeper.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.Clock;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.HttpConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection handler alone, in an {@link EmbeddedChannel} whose clock the test moves. */
class HttpTrackerHandlerTest {
    private static final int IDLE_TIMEOUT = 3;

    private final EmbeddedChannel channel = channel();

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void a_request_that_arrives_one_byte_at_a_time_is_answered_once_complete() {
        byte[] request = "GET /health HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < request.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {request[i]}));
            assertThat(channel.outboundMessages()).isEmpty();
        }
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {request[request.length - 1]}));
        assertThat(readResponse()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("ok\n");
    }

    @Test
    void a_read_holding_one_and_a_half_requests_answers_one_and_waits_for_the_rest() {
        channel.writeInbound(ascii("GET /health HTTP/1.1\r\n\r\nGET /sta"));
        assertThat(readResponse()).startsWith("HTTP/1.1 200 OK");
        assertThat(channel.outboundMessages()).isEmpty();
        channel.writeInbound(ascii("ts HTTP/1.1\r\n\r\n"));
        assertThat(readResponse()).contains("application/json");
    }

    @Test
    void a_request_still_incomplete_after_the_idle_timeout_closes_the_connection() {
        channel.writeInbound(ascii("GET /announce?info_hash="));
        channel.advanceTimeBy(IDLE_TIMEOUT - 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(ascii("abc"));
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("more bytes do not extend the deadline").isFalse();
    }

    @Test
    void a_completed_request_stops_the_deadline() {
        channel.writeInbound(ascii("GET /health HTTP/1.1\r\n"));
        channel.writeInbound(ascii("\r\n"));
        readResponse();
        channel.advanceTimeBy(IDLE_TIMEOUT + 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void an_announce_reply_names_the_socket_address_as_external_ip() {
        channel.writeInbound(ascii("GET /announce?" + Peer.of(1, 1, 7001).query() + " HTTP/1.1\r\n\r\n"));
        String response = readResponse();
        Map<String, Object> reply = Http.decode(response.substring(response.indexOf("\r\n\r\n") + 4)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat((byte[]) reply.get("external ip")).containsExactly(127, 0, 0, 1);
    }

    private String readResponse() {
        ByteBuf out = channel.readOutbound();
        assertThat(out).as("a response").isNotNull();
        try {
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            out.release();
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static EmbeddedChannel channel() {
        RequestCounters counters = new RequestCounters();
        Tracker tracker = new Tracker(new InMemorySwarmStore(3600), new AnnouncePolicy(1800, 0, 900, 50, 200, 3600),
                Clock.SYSTEM);
        HttpConfig http = new HttpConfig(List.of("127.0.0.1:0"), 1, 1024, 2048, IDLE_TIMEOUT, 10, List.of(), 8, false, HttpIo.NETTY);
        AnnounceConfig announce = new AnnounceConfig(1800, 0, 900, 50, 200, 3600, 120, false);
        HttpServer.Shared shared = new HttpServer.Shared(http, announce, tracker, counters, new TrackerStats(tracker, counters));
        return new FromLocalhost(new HttpTrackerHandler(shared));
    }
}
