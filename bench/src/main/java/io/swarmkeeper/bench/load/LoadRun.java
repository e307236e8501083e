package io.swarmkeeper.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs workers on their own threads for one window, prints a progress line each second, and sums
 * their stats once they have ended.
 */
public final class LoadRun {
    private static final long PROGRESS_NANOS = 1_000_000_000L;
    /** How long past the window's end a worker may take to stop before the run gives up on it. */
    private static final long JOIN_GRACE_MILLIS = 5_000;

    private LoadRun() {}

    public static LoadStats run(List<? extends LoadWorker> workers, RunWindow window, PrintStream progress)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < workers.size(); i++) {
            Thread t = new Thread(workers.get(i), "load-" + i);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            threads.add(t);
            t.start();
        }
        long last = 0;
        long lastAt = System.nanoTime();
        for (long next = window.startNanos() + PROGRESS_NANOS; next < window.endNanos(); next += PROGRESS_NANOS) {
            sleepUntil(next);
            long now = System.nanoTime();
            long responses = 0;
            long errors = 0;
            long lost = 0;
            for (LoadWorker w : workers) {
                responses += w.stats().publishedResponses.getAcquire();
                errors += w.stats().publishedErrors.getAcquire();
                lost += w.stats().publishedLost.getAcquire();
            }
            String phase = now < window.countFromNanos() ? " (warm-up)" : "";
            progress.printf(Locale.ROOT, "[%4.0fs] %,10.0f responses/s  errors %d  lost %d%s%n",
                    (now - window.startNanos()) / 1e9, (responses - last) * 1e9 / (now - lastAt), errors, lost, phase);
            last = responses;
            lastAt = now;
        }
        LoadStats total = new LoadStats();
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join(JOIN_GRACE_MILLIS + Math.max(0, (window.endNanos() - System.nanoTime()) / 1_000_000));
            if (threads.get(i).isAlive()) {
                throw new IllegalStateException("load worker " + i + " did not stop");
            }
            workers.get(i).stats().addTo(total);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("load worker failed: " + failure.get(), failure.get());
        }
        return total;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
