package io.swarmkeeper.protocol;

/**
 * Announce events as small ints, numbered as BEP 15 numbers them on the wire so the UDP codec
 * needs no table; {@link #PAUSED} (BEP 21) has no UDP number and only arrives over HTTP.
 */
public final class AnnounceEvent {
    public static final int NONE = 0;
    public static final int COMPLETED = 1;
    public static final int STARTED = 2;
    public static final int STOPPED = 3;
    public static final int PAUSED = 4;

    private AnnounceEvent() {}

    public static String name(int event) {
        return switch (event) {
            case NONE -> "none";
            case COMPLETED -> "completed";
            case STARTED -> "started";
            case STOPPED -> "stopped";
            case PAUSED -> "paused";
            default -> "unknown(" + event + ")";
        };
    }
}
