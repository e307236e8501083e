package io.swarmkeeper.bench.load;

/**
 * One thread's share of a load: it owns its sockets or connections and its stats, runs until the
 * window's end, resets its stats once when the warm-up is over, and releases what it holds.
 */
public interface LoadWorker extends Runnable {
    LoadStats stats();
}
