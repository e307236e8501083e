package io.swarmkeeper.core;

/**
 * A swarm's IPv6 peers, seeders and the rest. IPv6 peers are rare, so a {@link Swarm} reaches both
 * tables through one reference, set when its first IPv6 peer arrives: a swarm without any pays 4
 * bytes, not 8.
 */
final class Ipv6Peers {
    final Ipv6PeerTable seeders = new Ipv6PeerTable();
    final Ipv6PeerTable leechers = new Ipv6PeerTable();
}
