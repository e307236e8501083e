package io.swarmkeeper.app;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT ask the tracker to stop. Handling them ourselves, rather than in a shutdown
 * hook, lets {@code serve} close its listeners on the main thread and exit 0 as a clean stop
 * should, instead of the 143 or 130 a JVM killed by the signal reports.
 */
final class StopSignals {
    private StopSignals() {}

    static void onTermOrInt(Runnable stop) {
        Signal.handle(new Signal("TERM"), signal -> stop.run());
        Signal.handle(new Signal("INT"), signal -> stop.run());
    }
}
