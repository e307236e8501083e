package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTextTest {

    @Property
    void reads_every_ipv4_address_the_jdk_writes(@ForAll int address) throws Exception {
        String text = InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array()).getHostAddress();
        assertThat(IpText.parseIpv4(ascii(text), 0, text.length())).isEqualTo(address & 0xFFFF_FFFFL);
        assertThat(written(address)).isEqualTo(text);
        assertThat(IpText.ipv4Length(address)).isEqualTo(text.length());
    }

    @Property
    void reads_every_ipv6_address_the_jdk_writes_and_writes_what_the_jdk_reads(
            @ForAll @Size(16) byte[] raw) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(raw);
        long high = b.getLong();
        long low = b.getLong();
        String jdk = Inet6Address.getByAddress(null, raw, null).getHostAddress();
        long[] out = new long[2];
        assertThat(IpText.parseIpv6(ascii(jdk), 0, jdk.length(), out)).isTrue();
        assertThat(out).containsExactly(high, low);
        String ours = written(high, low);
        assertThat(IpText.ipv6Length(high, low)).isEqualTo(ours.length());
        assertThat(InetAddress.getByName(ours).getAddress()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({"::1, 0, 1", "::, 0, 0", "2001:db8::, 2306139568115548160, 0", "fe80::1:2, -108086391056891904, 65538",
            "::ffff:1.2.3.4, 0, 281470698652420", "1:2:3:4:5:6:7:8, 281483566841860, 1407400653815816"})
    void reads_compressed_ipv6_forms(String text, long high, long low) {
        long[] out = new long[2];
        assertThat(IpText.parseIpv6(ascii(text), 0, text.length(), out)).isTrue();
        assertThat(out).containsExactly(high, low);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::",
            "1:2:3:4:5:6:7:8::", "::1.2.3", "::1.2.3.256", "1:", "1.2.3.4"})
    void refuses_text_that_is_not_ipv6(String text) {
        assertThat(IpText.parseIpv6(ascii(text), 0, text.length(), new long[2])).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", "a.b.c.d", "1.2.3.4 ", "-1.2.3.4"})
    void refuses_text_that_is_not_a_dotted_quad(String text) {
        assertThat(IpText.parseIpv4(ascii(text), 0, text.length())).isEqualTo(IpText.NOT_IPV4);
    }

    @Property(tries = 3000)
    void random_text_never_throws(@ForAll @Size(max = 48) byte[] text) {
        IpText.parseIpv4(text, 0, text.length);
        IpText.parseIpv6(text, 0, text.length, new long[2]);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** What is put behind two bytes of something else; nothing may land after the offset returned. */
    private static String written(int address) {
        byte[] to = new byte[2 + 15 + 8];
        return text(to, IpText.putIpv4(to, 2, address));
    }

    private static String written(long high, long low) {
        byte[] to = new byte[2 + 39 + 8];
        return text(to, IpText.putIpv6(to, 2, high, low));
    }

    private static String text(byte[] to, int end) {
        assertThat(Arrays.copyOfRange(to, end, to.length)).containsOnly(0);
        return new String(to, 2, end - 2, StandardCharsets.US_ASCII);
    }
}
