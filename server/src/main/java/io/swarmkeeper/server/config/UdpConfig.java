package io.swarmkeeper.server.config;

import java.util.List;

/**
 * @param listen addresses to bind, as {@code HOST:PORT} or {@code [V6]:PORT}
 * @param threads event loops (each with its own SO_REUSEPORT socket per address); 0 = one per CPU
 * @param connectionIdMaxAge seconds a connection id stays valid (BEP 15 asks for at least 120)
 */
public record UdpConfig(List<String> listen, int threads, int connectionIdMaxAge) {}
