package io.swarmkeeper.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The result of one run: what the final line prints and what {@code --json} writes. */
public record Summary(String mode, String target, double seconds, int threads, int sockets, int window, String io,
                      long requests, long responses, double responsesPerSecond,
                      long announceReplies, long scrapeReplies, long connectReplies, long connectionsOpened,
                      long errors, Map<String, Long> errorsByKind, long lost, long late,
                      double averagePeers, double latencyP50Micros, double latencyP99Micros,
                      double latencyP999Micros, double latencyMaxMicros, double generatorCpuMicrosPerResponse,
                      double generatorBytesAllocatedPerResponse) {

    /** {@code io} is how the generator moved its packets: batch or nio (HTTP's sockets are NIO). */
    public static Summary of(String mode, String target, double seconds, int threads, int sockets, int window,
                             String io, LoadStats s) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ReplyError e : ReplyError.values()) {
            if (s.errors[e.ordinal()] > 0) {
                byKind.put(e.name().toLowerCase(Locale.ROOT), s.errors[e.ordinal()]);
            }
        }
        return new Summary(mode, target, seconds, threads, sockets, window, io, s.requests, s.responses(),
                s.responses() / seconds, s.announceReplies, s.scrapeReplies, s.connectReplies, s.connectionsOpened,
                s.errorTotal(), byKind, s.lost, s.late,
                s.announceReplies == 0 ? 0 : (double) s.peersReturned / s.announceReplies,
                micros(s.latencyNanos.getValueAtPercentile(50)), micros(s.latencyNanos.getValueAtPercentile(99)),
                micros(s.latencyNanos.getValueAtPercentile(99.9)), micros(s.latencyNanos.getMaxValue()),
                s.responses() == 0 ? 0 : micros(s.cpuNanos) / s.responses(),
                s.responses() == 0 ? 0 : (double) s.allocatedBytes / s.responses());
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    public String line() {
        return String.format(Locale.ROOT,
                "%s %s %.1fs: %.0f responses/s (%d announce, %d scrape, %d connect%s), errors %d%s, lost %d, "
                        + "avg peers %.1f, latency us p50 %.0f p99 %.0f p99.9 %.0f max %.0f "
                        + "[threads %d, sockets %d, window %d, io %s; "
                        + "generator CPU %.2f us and %.2f bytes allocated per response]",
                mode, target, seconds, responsesPerSecond, announceReplies, scrapeReplies, connectReplies,
                connectionsOpened == 0 ? "" : ", " + connectionsOpened + " TCP connections opened",
                errors, errorsByKind.isEmpty() ? "" : " " + errorsByKind, lost, averagePeers,
                latencyP50Micros, latencyP99Micros, latencyP999Micros, latencyMaxMicros, threads, sockets, window, io,
                generatorCpuMicrosPerResponse, generatorBytesAllocatedPerResponse);
    }
}
