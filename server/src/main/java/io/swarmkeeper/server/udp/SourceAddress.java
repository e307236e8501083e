package io.swarmkeeper.server.udp;

import java.net.InetAddress;

/**
 * The sender of the packet being handled, as primitives the connection ids and the swarm store
 * take. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, what a dual-stack socket reports for
 * an IPv4 sender) is IPv4: the peer is reachable over IPv4 and must be offered to IPv4 peers.
 * One mutable instance per event loop.
 */
final class SourceAddress {
    boolean ipv6;
    int ipv4;
    long ipv6High;
    long ipv6Low;

    void set(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            ipv6 = false;
            ipv4 = intAt(b, 0);
        } else if (isIpv4Mapped(b)) {
            ipv6 = false;
            ipv4 = intAt(b, 12);
        } else {
            ipv6 = true;
            ipv6High = (long) intAt(b, 0) << 32 | (intAt(b, 4) & 0xFFFF_FFFFL);
            ipv6Low = (long) intAt(b, 8) << 32 | (intAt(b, 12) & 0xFFFF_FFFFL);
        }
    }

    void ipv4(int address) {
        ipv6 = false;
        ipv4 = address;
    }

    void ipv6(long high, long low) {
        ipv6 = true;
        ipv6High = high;
        ipv6Low = low;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static int intAt(byte[] b, int o) {
        return (b[o] & 0xFF) << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
    }
}
