package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.http.ResponseHead;
import io.swarmkeeper.protocol.http.Route;
import java.nio.charset.StandardCharsets;

/** Answers /stats (JSON), /metrics (Prometheus text) and /health ("ok" while the server runs). */
final class PageResponder {
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

    private final TrackerStats stats;

    PageResponder(TrackerStats stats) {
        this.stats = stats;
    }

    ByteBuf respond(ReplyBuffers replies, Route route, boolean keepAlive) {
        byte[] body;
        byte[] type;
        switch (route) {
            case STATS -> {
                body = stats.jsonBytes();
                type = ResponseHead.JSON;
            }
            case METRICS -> {
                body = stats.prometheusText().getBytes(StandardCharsets.UTF_8);
                type = ResponseHead.PROMETHEUS;
            }
            case HEALTH -> {
                body = OK;
                type = ResponseHead.TEXT_PLAIN;
            }
            default -> throw new IllegalArgumentException("not a page: " + route);
        }
        ByteBuf out = replies.get(ResponseHead.RESERVE + body.length);
        out.writerIndex(ResponseHead.RESERVE);
        out.writeBytes(body);
        ResponseHead.writeBefore(out, ResponseHead.RESERVE, 200, type, keepAlive);
        return out;
    }
}
