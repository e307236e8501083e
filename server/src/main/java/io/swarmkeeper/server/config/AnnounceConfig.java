package io.swarmkeeper.server.config;

/**
 * @param interval seconds between announces that clients are told
 * @param intervalJitter up to this many random seconds added to each interval
 * @param minInterval seconds a client must wait between announces
 * @param numwantDefault peers returned when a client does not say
 * @param numwantMax peers returned at most
 * @param peerTimeout seconds after which a silent peer is forgotten
 * @param expireEvery seconds between sweeps for silent peers
 * @param allowClientIp whether a client-supplied ip/ipv4/ipv6 (HTTP) or IP field (UDP) is used
 *     instead of the packet's source; off by default because it enables DDoS reflection (BEP 7)
 */
public record AnnounceConfig(int interval, int intervalJitter, int minInterval, int numwantDefault,
                             int numwantMax, int peerTimeout, int expireEvery, boolean allowClientIp) {}
