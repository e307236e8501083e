package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.http.ResponseHead;
import io.swarmkeeper.protocol.http.ScrapeReplyWriter;
import io.swarmkeeper.protocol.http.ScrapeRequest;
import java.util.Arrays;

/**
 * Every torrent's counts, for the opt-in full scrape. The store visits swarms in shard order and
 * bencode wants the {@code files} keys sorted, so counts are gathered into flat arrays first and
 * written through a sorted index. This allocates in proportion to the torrent count, which is
 * why full scrape is off by default.
 */
final class FullScrape {
    private static final int FIELDS = 7;

    private long[] rows = new long[FIELDS * 64];
    private int count;

    private FullScrape() {}

    static ByteBuf write(ReplyBuffers replies, Tracker tracker) {
        FullScrape all = new FullScrape();
        tracker.forEachSwarm((high, middle, low, counts) -> all.add(high, middle, low,
                counts.complete, counts.downloaded, counts.downloaders, counts.incomplete));
        Integer[] order = new Integer[all.count];
        Arrays.setAll(order, i -> i);
        long[] r = all.rows;
        Arrays.sort(order, (a, b) -> ScrapeRequest.compare(r[a * FIELDS], r[a * FIELDS + 1], (int) r[a * FIELDS + 2],
                r[b * FIELDS], r[b * FIELDS + 1], (int) r[b * FIELDS + 2]));
        ByteBuf out = replies.get(ResponseHead.RESERVE + 16 + all.count * ScrapeReplyWriter.MAX_FILE_SIZE);
        out.writerIndex(ResponseHead.RESERVE);
        ScrapeReplyWriter.begin(out);
        for (int i : order) {
            int at = i * FIELDS;
            ScrapeReplyWriter.file(out, r[at], r[at + 1], (int) r[at + 2],
                    (int) r[at + 3], (int) r[at + 4], (int) r[at + 5], (int) r[at + 6]);
        }
        ScrapeReplyWriter.finish(out);
        return out;
    }

    private void add(long high, long middle, int low, int complete, int downloaded, int downloaders, int incomplete) {
        if ((count + 1) * FIELDS > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        int at = count * FIELDS;
        rows[at] = high;
        rows[at + 1] = middle;
        rows[at + 2] = low;
        rows[at + 3] = complete;
        rows[at + 4] = downloaded;
        rows[at + 5] = downloaders;
        rows[at + 6] = incomplete;
        count++;
    }
}
