package io.swarmkeeper.linuxnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any address written into a slot reads back the same, as an object and as the tracker's primitives. */
class SocketAddressProperties {
    @Property
    void an_ipv4_address_round_trips(@ForAll int address, @ForAll @IntRange(max = 65535) int port,
                                     @ForAll @IntRange(max = 7) int slot) throws UnknownHostException {
        InetSocketAddress written = new InetSocketAddress(
                InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array()), port);
        try (DatagramBatch batch = new DatagramBatch(8, 16, 16, true)) {
            batch.address(slot, written);

            assertThat(batch.ipv6(slot)).isFalse();
            assertThat(batch.ipv4(slot)).isEqualTo(address);
            assertThat(batch.port(slot)).isEqualTo(port);
            assertThat(batch.address(slot)).isEqualTo(written);
        }
    }

    @Property
    void an_ipv6_address_round_trips(@ForAll @Size(16) byte[] bytes, @ForAll @IntRange(max = 65535) int port,
                                     @ForAll @IntRange(max = 7) int slot) throws UnknownHostException {
        InetAddress ip = InetAddress.getByAddress(bytes);
        // The JDK turns an IPv4-mapped IPv6 address into an Inet4Address: that is the IPv4 case.
        Assume.that(ip instanceof Inet6Address);
        InetSocketAddress written = new InetSocketAddress(ip, port);
        ByteBuffer words = ByteBuffer.wrap(bytes);
        try (DatagramBatch batch = new DatagramBatch(8, 16, 16, true)) {
            batch.address(slot, written);

            assertThat(batch.ipv6(slot)).isTrue();
            assertThat(batch.ipv6High(slot)).isEqualTo(words.getLong(0));
            assertThat(batch.ipv6Low(slot)).isEqualTo(words.getLong(8));
            assertThat(batch.port(slot)).isEqualTo(port);
            assertThat(batch.address(slot).getAddress().getAddress()).isEqualTo(bytes);
        }
    }

    @Property
    void a_copied_address_is_the_same_peer(@ForAll int address, @ForAll @IntRange(max = 65535) int port)
            throws UnknownHostException {
        InetSocketAddress written = new InetSocketAddress(
                InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array()), port);
        try (DatagramBatch batch = new DatagramBatch(4, 16, 16, true)) {
            batch.address(3, written);
            batch.copyAddress(3, 0);

            assertThat(batch.address(0)).isEqualTo(written);
        }
    }
}
