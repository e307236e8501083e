package io.swarmkeeper.core;

/**
 * Receives the peers picked for an announce; transports implement it to write each peer straight
 * into their outgoing buffer. Addresses are raw: an IPv4 address as an int, an IPv6 address as
 * two longs, big-endian, ports as 0..65535.
 */
public interface PeerSink {
    void ipv4(int address, int port);

    /**
     * The first {@code count} IPv4 peers of {@code peers}, each a long with its address in bits
     * 16-47 and its port in bits 0-15 (bits 48-63 mean nothing here: the store keeps its flags
     * there). The store hands over its picks this way, one call a batch; a sink that writes the
     * wire form can store each peer with one 8-byte write.
     */
    default void ipv4(long[] peers, int count) {
        for (int i = 0; i < count; i++) {
            ipv4((int) (peers[i] >>> 16), (int) peers[i] & 0xFFFF);
        }
    }

    void ipv6(long addressHigh, long addressLow, int port);
}
