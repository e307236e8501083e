package io.swarmkeeper.server.config;

import java.util.List;

/**
 * @param listen addresses to bind, as {@code HOST:PORT} or {@code [V6]:PORT}
 * @param threads event loops; 0 = one per CPU
 * @param maxRequestLine bytes allowed in the request line (method, URL, version)
 * @param maxHeaders bytes allowed in all headers together
 * @param idleTimeout seconds a connection may stay silent (or half-sent) before it is closed
 * @param maxConnections open connections at most; more are closed on accept
 * @param trustedProxies CIDRs whose X-Forwarded-For / X-Real-IP headers are believed
 * @param scrapeMaxHashes info_hash values one scrape may ask for
 * @param fullScrape whether /scrape without info_hash lists every torrent
 * @param io the transport: {@code auto}, {@code epoll} (Swarmkeeper's own loop, JDK 22+ on Linux) or {@code netty}
 */
public record HttpConfig(List<String> listen, int threads, int maxRequestLine, int maxHeaders,
                         int idleTimeout, int maxConnections, List<String> trustedProxies,
                         int scrapeMaxHashes, boolean fullScrape, String io) {}
