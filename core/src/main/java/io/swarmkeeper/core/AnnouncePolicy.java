package io.swarmkeeper.core;

/**
 * The numbers an announce answer is made of, validated once at start-up.
 *
 * @param interval seconds a client should wait between announces
 * @param intervalJitter up to this many seconds are added at random to each interval, so clients
 *     that started together spread out instead of announcing in waves
 * @param minInterval seconds a client must wait between announces
 * @param numwantDefault peers returned when the client does not say
 * @param numwantMax peers returned at most, whatever the client asks
 * @param peerTimeout seconds after its last announce that a silent peer is forgotten
 */
public record AnnouncePolicy(int interval, int intervalJitter, int minInterval, int numwantDefault,
                             int numwantMax, int peerTimeout) {
    public static final AnnouncePolicy DEFAULTS = new AnnouncePolicy(1800, 120, 900, 50, 200, 3600);

    public int numwant(int asked) {
        return asked < 0 ? Math.min(numwantDefault, numwantMax) : Math.min(asked, numwantMax);
    }
}
