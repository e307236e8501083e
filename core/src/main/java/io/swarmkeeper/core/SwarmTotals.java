package io.swarmkeeper.core;

/** Whole-tracker counts for /stats and /metrics. */
public record SwarmTotals(long torrents, long peers, long seeders, long leechers, long peersIpv4, long peersIpv6) {}
