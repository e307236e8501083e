package io.swarmkeeper.bench.load;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Socket addresses as people write them: {@code 127.0.0.1:6969}, {@code [::1]:6969}. */
public final class Addresses {
    private Addresses() {}

    public static String text(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
