package io.swarmkeeper.core;

/**
 * Receives the peers picked for an announce; transports implement it to write each peer straight
 * into their outgoing buffer. Addresses are raw: an IPv4 address as an int, an IPv6 address as
 * two longs, big-endian, ports as 0..65535.
 */
public interface PeerSink {
    void ipv4(int address, int port);

    void ipv6(long addressHigh, long addressLow, int port);
}
