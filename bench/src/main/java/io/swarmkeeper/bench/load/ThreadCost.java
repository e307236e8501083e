package io.swarmkeeper.bench.load;

import java.lang.management.ManagementFactory;

/**
 * What the current thread has spent so far, CPU and heap, read at the start and end of the
 * counted part of a run. HotSpot's thread bean answers both without allocating.
 */
public final class ThreadCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long cpuFrom;
    private long allocatedFrom;

    public void start() {
        cpuFrom = THREADS.getCurrentThreadCpuTime();
        allocatedFrom = THREADS.getCurrentThreadAllocatedBytes();
    }

    public void stopInto(LoadStats stats) {
        stats.cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuFrom;
        stats.allocatedBytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedFrom;
    }
}
