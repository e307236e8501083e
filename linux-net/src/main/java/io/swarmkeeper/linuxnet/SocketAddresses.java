package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * struct sockaddr_in and sockaddr_in6 in native memory. The family is in the machine's order, the
 * port and address in network order (big-endian), which is how the tracker holds addresses too.
 *
 * <pre>
 *  sockaddr_in:  family u16 | port u16 | address 4 bytes | zero 8 bytes                 (16)
 *  sockaddr_in6: family u16 | port u16 | flowinfo u32 | address 16 bytes | scope u32    (28)
 * </pre>
 */
final class SocketAddresses {
    /** The larger of the two, so one slot holds either. */
    static final int SIZE = 28;
    static final int IPV4_SIZE = 16;

    private static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong NET_LONG = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SocketAddresses() {}

    static boolean isIpv6(MemorySegment s, long at) {
        return s.get(JAVA_SHORT_UNALIGNED, at) == Libc.AF_INET6;
    }

    static int port(MemorySegment s, long at) {
        return Short.toUnsignedInt(s.get(NET_SHORT, at + 2));
    }

    static int ipv4(MemorySegment s, long at) {
        return s.get(NET_INT, at + 4);
    }

    static long ipv6High(MemorySegment s, long at) {
        return s.get(NET_LONG, at + 8);
    }

    static long ipv6Low(MemorySegment s, long at) {
        return s.get(NET_LONG, at + 16);
    }

    /** Writes {@code address} at {@code at} and returns its length. */
    static int write(MemorySegment s, long at, InetSocketAddress address) {
        s.asSlice(at, SIZE).fill((byte) 0);
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        byte[] bytes = ip.getAddress();
        s.set(NET_SHORT, at + 2, (short) address.getPort());
        if (ip instanceof Inet4Address) {
            s.set(JAVA_SHORT_UNALIGNED, at, (short) Libc.AF_INET);
            MemorySegment.copy(bytes, 0, s, JAVA_BYTE, at + 4, 4);
            return IPV4_SIZE;
        }
        s.set(JAVA_SHORT_UNALIGNED, at, (short) Libc.AF_INET6);
        MemorySegment.copy(bytes, 0, s, JAVA_BYTE, at + 8, 16);
        s.set(JAVA_INT_UNALIGNED, at + 24, ((Inet6Address) ip).getScopeId());
        return SIZE;
    }

    static InetSocketAddress read(MemorySegment s, long at) {
        boolean ipv6 = isIpv6(s, at);
        byte[] bytes = new byte[ipv6 ? 16 : 4];
        MemorySegment.copy(s, JAVA_BYTE, at + (ipv6 ? 8 : 4), bytes, 0, bytes.length);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port(s, at));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
