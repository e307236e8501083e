package io.swarmkeeper.bench.load;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One worker's counters and latency histogram. Only the worker writes the plain fields; the
 * reporter reads them after the worker has ended (a join orders the reads). While it runs, the
 * worker copies a few totals into the {@code published} fields for the progress line.
 */
public final class LoadStats {
    /** Latencies above this are recorded as this; a reply later than 10 s has long been counted lost. */
    public static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(10);

    public long requests;
    public long connectReplies;
    public long announceReplies;
    public long scrapeReplies;
    public long peersReturned;
    /** TCP connections opened (HTTP): one per request against a tracker that closes after each answer. */
    public long connectionsOpened;
    /** Requests whose reply did not come within the timeout. */
    public long lost;
    /** Replies that came after their request had been counted lost: not an error of the tracker. */
    public long late;
    /** CPU time the worker's thread used while counting: what a response costs the generator. */
    public long cpuNanos;
    /** Heap the worker's thread allocated while counting: zero per request is the design, this checks it. */
    public long allocatedBytes;
    public final long[] errors = new long[ReplyError.values().length];
    public final Histogram latencyNanos = new Histogram(MAX_LATENCY_NANOS, 3);

    private long warmupResponses;
    public final AtomicLong publishedResponses = new AtomicLong();
    public final AtomicLong publishedErrors = new AtomicLong();
    public final AtomicLong publishedLost = new AtomicLong();

    public void error(ReplyError error) {
        errors[error.ordinal()]++;
    }

    public void latency(long nanos) {
        latencyNanos.recordValue(Math.min(Math.max(nanos, 0), MAX_LATENCY_NANOS));
    }

    public long responses() {
        return connectReplies + announceReplies + scrapeReplies;
    }

    public long errorTotal() {
        long sum = 0;
        for (long e : errors) {
            sum += e;
        }
        return sum;
    }

    /** Called by the worker now and then; cheap enough for every housekeeping pass. */
    public void publish() {
        publishedResponses.setRelease(warmupResponses + responses());
        publishedErrors.setRelease(errorTotal());
        publishedLost.setRelease(lost);
    }

    /** Forgets the warm-up: called by the worker itself, once, when the warm-up ends. */
    public void reset() {
        // The progress line's rate is a difference of totals, so its total goes on across the reset.
        warmupResponses += responses();
        requests = connectReplies = announceReplies = scrapeReplies = peersReturned = connectionsOpened = 0;
        lost = late = cpuNanos = allocatedBytes = 0;
        Arrays.fill(errors, 0);
        latencyNanos.reset();
        publish();
    }

    public void addTo(LoadStats total) {
        total.requests += requests;
        total.connectReplies += connectReplies;
        total.announceReplies += announceReplies;
        total.scrapeReplies += scrapeReplies;
        total.peersReturned += peersReturned;
        total.connectionsOpened += connectionsOpened;
        total.lost += lost;
        total.late += late;
        total.cpuNanos += cpuNanos;
        total.allocatedBytes += allocatedBytes;
        for (int i = 0; i < errors.length; i++) {
            total.errors[i] += errors[i];
        }
        total.latencyNanos.add(latencyNanos);
    }
}
