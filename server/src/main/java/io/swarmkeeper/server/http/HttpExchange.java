package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.protocol.http.HttpFailure;
import io.swarmkeeper.protocol.http.RequestHead;
import io.swarmkeeper.protocol.http.RequestHeadParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the request at the start of a connection's unread bytes, whichever transport carries
 * them: parses the head, resolves the client behind a trusted proxy, runs the route, and says
 * whether the connection may carry another request.
 *
 * <p>A request that breaks HTTP (bad method, limits, garbage) is answered and the connection
 * closed, because what follows it cannot be trusted to start a request. A bad announce or scrape
 * is an ordinary answer and the connection stays open.
 */
final class HttpExchange {
    /** The head is not complete yet; nothing was consumed. */
    static final int NEED_MORE = 0;
    /** {@link HttpWorkspace#response} answers the request, whose bytes were consumed; more may follow. */
    static final int KEEP_OPEN = 1;
    /** {@link HttpWorkspace#response} is the last answer: send it, then close. All input was consumed. */
    static final int CLOSE = 2;
    /**
     * After a last answer, how long either transport drains what the client still sends before it
     * closes: closing at once would answer bytes still arriving with a reset, which can destroy the
     * answer in transit (what nginx calls lingering close).
     */
    static final long LINGER_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);
    /** Bytes of a direct buffer copied for a first parse: an announce's head with room to spare. */
    private static final int FIRST_COPY = 1024;

    private final HttpServer.Shared shared;

    HttpExchange(HttpServer.Shared shared) {
        this.shared = shared;
    }

    /**
     * @param socketAddress the connection's peer
     * @param fromTrustedProxy whether that peer may name the client in forwarding headers
     */
    int answer(ReplyBuffers replies, ByteBuf in, ClientAddress socketAddress, boolean fromTrustedProxy,
               HttpWorkspace w) {
        RequestHead head = w.head;
        int verdict = parseHead(in, w);
        if (verdict == RequestHeadParser.NEED_MORE) {
            return NEED_MORE;
        }
        w.client.copyFrom(socketAddress);
        if (verdict == RequestHeadParser.FAILED) {
            w.counting.count(w.client.family(), Kind.OTHER, false);
            return last(in, w, FailureResponses.response(replies, head.failure, false));
        }
        if (fromTrustedProxy) {
            w.forwarded.resolve(w.request, head, w.client);
        }
        boolean keepAlive = head.keepAlive;
        ByteBuf response;
        try {
            response = respond(replies, w, keepAlive);
        } catch (RuntimeException e) {
            LOG.error("request failed inside the tracker", e);
            w.counting.count(w.client.family(), Kind.OTHER, false);
            return last(in, w, FailureResponses.response(replies, HttpFailure.INTERNAL_ERROR, false));
        }
        in.skipBytes(head.length);
        if (!keepAlive) {
            return last(in, w, response);
        }
        w.response = response;
        return KEEP_OPEN;
    }

    /**
     * Parses the head from the buffer's own array, or, when the buffer is direct (Netty's are),
     * from a copy: first of what one ordinary request takes, then, if the head goes on, of as much
     * as the parser may read. Pipelined requests thus do not each copy the whole head limit.
     */
    private static int parseHead(ByteBuf in, HttpWorkspace w) {
        if (in.hasArray()) {
            w.request = in.array();
            int base = in.arrayOffset();
            return w.headParser.parse(w.request, base + in.readerIndex(), base + in.writerIndex(), w.head);
        }
        w.request = w.requestCopy;
        int available = Math.min(in.readableBytes(), w.requestCopy.length);
        int n = Math.min(available, FIRST_COPY);
        in.getBytes(in.readerIndex(), w.requestCopy, 0, n);
        int verdict = w.headParser.parse(w.request, 0, n, w.head);
        if (verdict == RequestHeadParser.NEED_MORE && n < available) {
            in.getBytes(in.readerIndex() + n, w.requestCopy, n, available - n);
            verdict = w.headParser.parse(w.request, 0, available, w.head);
        }
        return verdict;
    }

    private ByteBuf respond(ReplyBuffers replies, HttpWorkspace w, boolean keepAlive) {
        return switch (w.head.route) {
            case ANNOUNCE -> shared.announce.respond(replies, w, keepAlive);
            case SCRAPE -> shared.scrape.respond(replies, w, keepAlive);
            case STATS, METRICS, HEALTH -> {
                w.counting.count(w.client.family(), Kind.OTHER, true);
                yield shared.pages.respond(replies, w.head.route, keepAlive);
            }
            case UNKNOWN -> {
                w.counting.count(w.client.family(), Kind.OTHER, false);
                yield FailureResponses.response(replies, HttpFailure.NOT_FOUND, keepAlive);
            }
        };
    }

    /** Whatever else the client sent is dropped: after this answer the connection closes. */
    private static int last(ByteBuf in, HttpWorkspace w, ByteBuf response) {
        in.skipBytes(in.readableBytes());
        w.response = response;
        return CLOSE;
    }
}
