package io.swarmkeeper.bench.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Prints what a memory run measured: one summary line, or the same as JSON. */
public final class MemoryReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryReport() {}

    /**
     * A fill of a running tracker.
     *
     * @param pid the tracker's process, or -1 when not given (then no memory figures)
     * @param rssBefore resident set before the fill; -1 if unknown
     * @param rssAfter resident set after the fill, before any forced GC
     * @param heapBefore heap used after a full GC before the fill; -1 for a non-JVM target
     * @param heapAfter heap used after a full GC after the fill
     * @param rssBeforeGc resident set after the full GC before the fill; -1 for a non-JVM target
     * @param rssAfterGc resident set after the full GC after the fill; -1 for a non-JVM target
     */
    public record Tracker(String name, String target, int peersSent, int torrents, UdpFiller.FillResult fill,
                          UdpFiller.Count count, long pid, long rssBefore, long rssAfter, long heapBefore,
                          long heapAfter, long rssBeforeGc, long rssAfterGc) {
        public boolean ok() {
            return fill.errors() == 0 && !fill.timedOut() && count.errors() == 0 && count.peers() == peersSent;
        }

        double rssPerPeer() {
            return perPeer(rssBefore, rssAfter);
        }

        double heapPerPeer() {
            return perPeer(heapBefore, heapAfter);
        }

        /**
         * Resident growth between two points that both follow a full GC: a JVM's first full GC
         * touches collector structures once (mark bitmaps), which is not the peers' doing.
         */
        double rssAfterGcPerPeer() {
            return perPeer(rssBeforeGc, rssAfterGc);
        }

        private double perPeer(long before, long after) {
            if (before < 0 || after < 0 || count.peers() == 0) {
                return Double.NaN;
            }
            return (double) (after - before) / count.peers();
        }
    }

    public static String line(Tracker r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "memory %s: %,d peers sent, %,d stored (scrape) in %,d torrents, %.1f s, "
                        + "%d errors, %d retries",
                r.name(), r.peersSent(), r.count().peers(), r.count().torrentsWithPeers(), r.fill().seconds(),
                r.fill().errors() + r.count().errors(), r.fill().retries()));
        if (r.fill().timedOut()) {
            s.append(", TIMED OUT");
        }
        if (r.rssBefore() >= 0) {
            s.append(String.format(Locale.ROOT, "; RSS %s -> %s = %.1f B/peer", mb(r.rssBefore()), mb(r.rssAfter()),
                    r.rssPerPeer()));
        }
        if (r.heapBefore() >= 0) {
            s.append(String.format(Locale.ROOT, "; heap after full GC %s -> %s = %.1f B/peer; RSS after full GC %s -> %s = %.1f B/peer",
                    mb(r.heapBefore()), mb(r.heapAfter()), r.heapPerPeer(), mb(r.rssBeforeGc()), mb(r.rssAfterGc()),
                    r.rssAfterGcPerPeer()));
        }
        if (r.fill().firstError() != null) {
            s.append("; first error: ").append(r.fill().firstError());
        }
        return s.toString();
    }

    public static String json(Tracker r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("mode", "tracker");
        o.put("name", r.name());
        o.put("target", r.target());
        o.put("peersSent", r.peersSent());
        o.put("torrents", r.torrents());
        o.put("peersStored", r.count().peers());
        o.put("seedersStored", r.count().seeders());
        o.put("leechersStored", r.count().leechers());
        o.put("torrentsWithPeers", r.count().torrentsWithPeers());
        o.put("fillSeconds", round(r.fill().seconds()));
        o.put("announcesPerSecond", round(r.fill().answered() / r.fill().seconds()));
        o.put("errors", r.fill().errors() + r.count().errors());
        o.put("retries", r.fill().retries());
        o.put("lost", r.fill().lost());
        o.put("timedOut", r.fill().timedOut());
        if (r.fill().firstError() != null) {
            o.put("firstError", r.fill().firstError());
        }
        if (r.pid() >= 0) {
            o.put("pid", r.pid());
            o.put("rssBeforeBytes", r.rssBefore());
            o.put("rssAfterBytes", r.rssAfter());
            o.put("rssBytesPerPeer", round(r.rssPerPeer()));
        }
        if (r.heapBefore() >= 0) {
            o.put("heapBeforeBytes", r.heapBefore());
            o.put("heapAfterBytes", r.heapAfter());
            o.put("heapBytesPerPeer", round(r.heapPerPeer()));
            o.put("rssBeforeGcBytes", r.rssBeforeGc());
            o.put("rssAfterGcBytes", r.rssAfterGc());
            o.put("rssAfterGcBytesPerPeer", round(r.rssAfterGcPerPeer()));
        }
        o.put("ok", r.ok());
        return o.toString();
    }

    public static String line(StoreFill.Result r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "memory store: %,d peers sent, %,d stored in %,d torrents (%,d seeders), filled in %.1f s; "
                        + "heap after GC +%s = %.1f B/peer",
                r.peersSent(), r.totals().peers(), r.totals().torrents(), r.totals().seeders(), r.fillSeconds(),
                mb(r.heapDelta()), r.heapPerPeer()));
        if (r.graphBytes() >= 0) {
            s.append(String.format(Locale.ROOT, "; JOL graph %s in %,d objects = %.1f B/peer, %.1f B/torrent",
                    mb(r.graphBytes()), r.graphObjects(), r.graphPerPeer(),
                    (double) r.graphBytes() / r.totals().torrents()));
        }
        return s.toString();
    }

    /** JOL's classes, largest first, each with its share per peer and per torrent. */
    public static String classTable(StoreFill.Result r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-24s %12s %14s %10s %12s%n",
                "class", "instances", "bytes", "B/peer", "B/torrent"));
        for (StoreFill.ClassShare c : r.classes()) {
            s.append(String.format(Locale.ROOT, "%-24s %,12d %,14d %10.2f %12.2f%n", c.name(), c.count(), c.bytes(),
                    (double) c.bytes() / r.totals().peers(), (double) c.bytes() / r.totals().torrents()));
        }
        return s.toString();
    }

    public static String json(StoreFill.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("mode", "store");
        o.put("peersSent", r.peersSent());
        o.put("peersStored", r.totals().peers());
        o.put("torrents", r.totals().torrents());
        o.put("seeders", r.totals().seeders());
        o.put("fillSeconds", round(r.fillSeconds()));
        o.put("heapDeltaBytes", r.heapDelta());
        o.put("heapBytesPerPeer", round(r.heapPerPeer()));
        if (r.graphBytes() >= 0) {
            o.put("graphBytes", r.graphBytes());
            o.put("graphObjects", r.graphObjects());
            o.put("graphBytesPerPeer", round(r.graphPerPeer()));
            ArrayNode classes = o.putArray("classes");
            for (StoreFill.ClassShare c : r.classes()) {
                classes.addObject().put("class", c.name()).put("instances", c.count()).put("bytes", c.bytes());
            }
        }
        return o.toString();
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 100) / 100.0;
    }
}
