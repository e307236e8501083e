package io.swarmkeeper.server.config;

import io.swarmkeeper.server.http.HttpIo;
import io.swarmkeeper.server.udp.UdpIo;
import java.util.List;

/** Range checks that a YAML type cannot express; each failure names its key. */
final class ConfigValidator {
    private ConfigValidator() {}

    static void validate(TrackerConfig config) {
        UdpConfig udp = config.udp();
        listen("udp.listen", udp.listen());
        range("udp.threads", udp.threads(), 0, 1024);
        range("udp.connection-id-max-age", udp.connectionIdMaxAge(), 120, 15300);
        if (!UdpIo.isKnown(udp.io())) {
            throw new ConfigException("udp.io", "must be auto, batch or netty (got " + udp.io() + ")");
        }
        if (UdpIo.BATCH.equals(udp.io()) && UdpIo.batchUnavailableReason() != null) {
            throw new ConfigException("udp.io", "batch " + UdpIo.batchUnavailableReason());
        }
        if (udp.xdp() == null) {
            throw new ConfigException("udp.xdp", "must be an interface name or empty");
        }
        if (!udp.xdp().isEmpty()) {
            if (!udp.xdp().matches("[A-Za-z0-9_.:-]{1,15}")) {
                throw new ConfigException("udp.xdp", "must be an interface name of at most 15 characters (got " + udp.xdp() + ")");
            }
            if (UdpIo.NETTY.equals(udp.io()) || UdpIo.batchUnavailableReason() != null) {
                throw new ConfigException("udp.xdp", "needs the batched UDP transport (udp.io: auto or batch)"
                        + (UdpIo.batchUnavailableReason() == null ? "" : ", which " + UdpIo.batchUnavailableReason()));
            }
        }

        HttpConfig http = config.http();
        listen("http.listen", http.listen());
        range("http.threads", http.threads(), 0, 1024);
        range("http.max-request-line", http.maxRequestLine(), 256, 65536);
        range("http.max-headers", http.maxHeaders(), 256, 262144);
        range("http.idle-timeout", http.idleTimeout(), 1, 3600);
        range("http.max-connections", http.maxConnections(), 1, 10_000_000);
        range("http.scrape-max-hashes", http.scrapeMaxHashes(), 1, 10_000);
        if (!HttpIo.isKnown(http.io())) {
            throw new ConfigException("http.io", "must be auto, epoll or netty (got " + http.io() + ")");
        }
        if (HttpIo.EPOLL.equals(http.io()) && HttpIo.epollUnavailableReason() != null) {
            throw new ConfigException("http.io", "epoll " + HttpIo.epollUnavailableReason());
        }
        List<String> proxies = http.trustedProxies();
        if (proxies == null) {
            throw new ConfigException("http.trusted-proxies", "must be a list (may be empty)");
        }
        for (int i = 0; i < proxies.size(); i++) {
            try {
                Cidr.parse(proxies.get(i));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("http.trusted-proxies[" + i + "]", e.getMessage());
            }
        }

        AnnounceConfig announce = config.announce();
        range("announce.interval", announce.interval(), 10, 86_400);
        range("announce.interval-jitter", announce.intervalJitter(), 0, 3600);
        range("announce.min-interval", announce.minInterval(), 0, announce.interval());
        range("announce.numwant-default", announce.numwantDefault(), 0, 10_000);
        range("announce.numwant-max", announce.numwantMax(), 0, 10_000);
        range("announce.peer-timeout", announce.peerTimeout(), announce.interval(), 43_200);
        range("announce.expire-every", announce.expireEvery(), 1, announce.peerTimeout());
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + " (got " + value + ")");
        }
    }

    private static void listen(String key, List<String> addresses) {
        if (addresses == null) {
            throw new ConfigException(key, "must be a list of HOST:PORT (may be empty)");
        }
        for (int i = 0; i < addresses.size(); i++) {
            try {
                ListenAddress.parse(addresses.get(i));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + "[" + i + "]", e.getMessage());
            }
        }
    }
}
