package io.swarmkeeper.server.http;

import io.swarmkeeper.core.RequestCounters.Family;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A peer address as primitives (IPv4 int, IPv6 two longs), reused so resolving it per request
 * allocates nothing. IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}, what a dual-stack socket reports
 * for an IPv4 client) is stored as the IPv4 address it is.
 */
final class ClientAddress {
    boolean ipv6;
    int ipv4;
    long high;
    long low;

    void setIpv4(int address) {
        ipv6 = false;
        ipv4 = address;
    }

    void setIpv6(long addressHigh, long addressLow) {
        if (addressHigh == 0 && addressLow >>> 32 == 0xFFFFL) {
            setIpv4((int) addressLow);
            return;
        }
        ipv6 = true;
        high = addressHigh;
        low = addressLow;
    }

    /** Once per connection, so the {@code byte[]} copy {@link InetAddress#getAddress} makes is fine. */
    void set(InetAddress address) {
        byte[] raw = address.getAddress();
        ByteBuffer b = ByteBuffer.wrap(raw);
        if (address instanceof Inet4Address) {
            setIpv4(b.getInt());
        } else {
            setIpv6(b.getLong(), b.getLong());
        }
    }

    void copyFrom(ClientAddress other) {
        ipv6 = other.ipv6;
        ipv4 = other.ipv4;
        high = other.high;
        low = other.low;
    }

    Family family() {
        return ipv6 ? Family.IPV6 : Family.IPV4;
    }

    /** The address as IPv6 high bits; IPv4 maps to {@code ::ffff:a.b.c.d} so one comparison serves both. */
    long mappedHigh() {
        return ipv6 ? high : 0;
    }

    long mappedLow() {
        return ipv6 ? low : 0xFFFF_0000_0000L | (ipv4 & 0xFFFF_FFFFL);
    }
}
