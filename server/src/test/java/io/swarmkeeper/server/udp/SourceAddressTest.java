package io.swarmkeeper.server.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SourceAddressTest {
    private final SourceAddress source = new SourceAddress();

    @Test
    void an_ipv4_sender_is_ipv4() throws Exception {
        source.set(InetAddress.getByName("192.0.2.7"));

        assertThat(source.ipv6).isFalse();
        assertThat(source.ipv4).isEqualTo(0xC000_0207);
    }

    @Test
    void an_ipv4_mapped_ipv6_sender_is_treated_as_ipv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 192, 0, 2, 7};

        source.set(Inet6Address.getByAddress(null, mapped, -1));

        assertThat(source.ipv6).isFalse();
        assertThat(source.ipv4).isEqualTo(0xC000_0207);
    }

    @Test
    void an_ipv6_sender_is_ipv6_as_two_big_endian_longs() throws Exception {
        source.set(InetAddress.getByName("2001:db8::1:2"));

        assertThat(source.ipv6).isTrue();
        assertThat(source.ipv6High).isEqualTo(0x2001_0DB8_0000_0000L);
        assertThat(source.ipv6Low).isEqualTo(0x0000_0000_0001_0002L);
    }
}
