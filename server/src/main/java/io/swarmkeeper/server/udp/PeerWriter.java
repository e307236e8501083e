package io.swarmkeeper.server.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.protocol.CompactPeers;

/**
 * Gathers the peers the store picks, in their wire form, and copies them into the reply at once:
 * JFR put a third of the batched transport's Java time in writing peers one buffer call per field.
 * A UDP reply holds one address family only (BEP 15: the family the request came in on), so a
 * peer of the other family is dropped rather than written in a shape the client would misread.
 * One instance per thread.
 */
final class PeerWriter implements PeerSink {
    /** Room for the most peers a reply may carry, 242 IPv4 or 67 IPv6 ({@link UdpAnswers}). */
    private final byte[] peers = new byte[UdpAnswers.MAX_REPLY];
    private int length;
    private boolean ipv6;

    /** Starts gathering the peers of one reply of this family. */
    void start(boolean ipv6Reply) {
        ipv6 = ipv6Reply;
        length = 0;
    }

    /** Appends the gathered peers to the reply. */
    void writeTo(ByteBuf reply) {
        reply.writeBytes(peers, 0, length);
    }

    @Override
    public void ipv4(int address, int port) {
        if (!ipv6) {
            length = CompactPeers.putIpv4(peers, length, address, port);
        }
    }

    @Override
    public void ipv4(long[] peers, int count) {
        if (!ipv6) {
            length = CompactPeers.putIpv4(this.peers, length, peers, count);
        }
    }

    @Override
    public void ipv6(long addressHigh, long addressLow, int port) {
        if (ipv6) {
            length = CompactPeers.putIpv6(peers, length, addressHigh, addressLow, port);
        }
    }
}
