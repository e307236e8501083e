package io.swarmkeeper.server.config;

import java.util.List;

/**
 * @param listen addresses to bind, as {@code HOST:PORT} or {@code [V6]:PORT}
 * @param threads threads (each with its own SO_REUSEPORT socket per address); 0 = one per CPU
 * @param connectionIdMaxAge seconds a connection id stays valid (BEP 15 asks for at least 120)
 * @param io the transport: {@code auto}, {@code batch} (recvmmsg/sendmmsg, JDK 22+ on Linux) or {@code netty}
 * @param xdp the network interface whose datagrams for the first IPv4 listen address are taken off
 *            by XDP into AF_XDP sockets, beside the batched ones; empty for none
 */
public record UdpConfig(List<String> listen, int threads, int connectionIdMaxAge, String io, String xdp) {}
