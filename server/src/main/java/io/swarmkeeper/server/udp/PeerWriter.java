package io.swarmkeeper.server.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;

/**
 * Writes the peers the store picks straight into the reply being built. A UDP reply holds one
 * address family only (BEP 15: the family the request came in on), so a peer of the other family
 * is dropped rather than written in a shape the client would misread.
 */
final class PeerWriter implements PeerSink {
    private ByteBuf out;
    private boolean ipv6;

    void target(ByteBuf reply, boolean ipv6Reply) {
        this.out = reply;
        this.ipv6 = ipv6Reply;
    }

    void release() {
        out = null;
    }

    @Override
    public void ipv4(int address, int port) {
        if (!ipv6) {
            UdpAnnounceResponse.writePeerIpv4(out, address, port);
        }
    }

    @Override
    public void ipv6(long addressHigh, long addressLow, int port) {
        if (ipv6) {
            UdpAnnounceResponse.writePeerIpv6(out, addressHigh, addressLow, port);
        }
    }
}
