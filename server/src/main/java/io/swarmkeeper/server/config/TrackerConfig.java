package io.swarmkeeper.server.config;

/** The whole configuration, validated once at start-up and never changed after. */
public record TrackerConfig(UdpConfig udp, HttpConfig http, AnnounceConfig announce) {}
