package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.ScrapeReply;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.http.HttpFailure;
import io.swarmkeeper.protocol.http.RequestHead;
import io.swarmkeeper.protocol.http.ResponseHead;
import io.swarmkeeper.protocol.http.ScrapeReplyWriter;
import io.swarmkeeper.protocol.http.ScrapeRequest;

/**
 * Answers /scrape (BEP 48) for the named info-hashes, listing unknown ones with zero counts so a
 * client gets a definite answer for each; without info_hash, a full scrape if enabled.
 */
final class ScrapeResponder {
    private final Tracker tracker;
    private final boolean fullScrapeAllowed;

    ScrapeResponder(Tracker tracker, boolean fullScrapeAllowed) {
        this.tracker = tracker;
        this.fullScrapeAllowed = fullScrapeAllowed;
    }

    ByteBuf respond(ReplyBuffers replies, HttpWorkspace w, boolean keepAlive) {
        RequestHead head = w.head;
        ScrapeRequest request = w.scrape;
        HttpFailure failure = w.scrapeParser.parse(w.request, head.queryFrom, head.queryTo, request);
        if (failure == null && request.count == 0 && !fullScrapeAllowed) {
            failure = HttpFailure.FULL_SCRAPE_DISABLED;
        }
        if (failure != null) {
            w.counting.count(w.client.family(), Kind.SCRAPE, false);
            return FailureResponses.response(replies, failure, keepAlive);
        }
        ByteBuf out;
        if (request.count == 0) {
            out = FullScrape.write(replies, tracker);
        } else {
            out = replies.get(ResponseHead.RESERVE + 16 + request.count * ScrapeReplyWriter.MAX_FILE_SIZE);
            out.writerIndex(ResponseHead.RESERVE);
            ScrapeReplyWriter.begin(out);
            ScrapeReply counts = w.scrapeReply;
            for (int i = 0; i < request.count; i++) {
                tracker.scrape(request.high[i], request.middle[i], request.low[i], counts);
                ScrapeReplyWriter.file(out, request.high[i], request.middle[i], request.low[i],
                        counts.complete, counts.downloaded, counts.downloaders, counts.incomplete);
            }
            ScrapeReplyWriter.finish(out);
        }
        ResponseHead.writeBefore(out, ResponseHead.RESERVE, 200, ResponseHead.TEXT_PLAIN, keepAlive);
        w.counting.count(w.client.family(), Kind.SCRAPE, true);
        return out;
    }
}
