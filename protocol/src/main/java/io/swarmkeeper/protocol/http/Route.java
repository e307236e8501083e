package io.swarmkeeper.protocol.http;

/** The paths the tracker answers; anything else is {@link #UNKNOWN} (404). */
public enum Route {
    ANNOUNCE("/announce"),
    SCRAPE("/scrape"),
    STATS("/stats"),
    METRICS("/metrics"),
    HEALTH("/health"),
    UNKNOWN("");

    private static final Route[] KNOWN = {ANNOUNCE, SCRAPE, STATS, METRICS, HEALTH};

    private final byte[] path;

    Route(String path) {
        this.path = HeadBytes.ascii(path);
    }

    /** The route whose path is exactly {@code bytes[from, to)}. */
    static Route of(byte[] a, int from, int to) {
        for (Route route : KNOWN) {
            byte[] p = route.path;
            if (p.length == to - from && HeadBytes.equals(a, from, p)) {
                return route;
            }
        }
        return UNKNOWN;
    }
}
