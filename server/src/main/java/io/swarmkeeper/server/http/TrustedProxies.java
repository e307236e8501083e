package io.swarmkeeper.server.http;

import io.swarmkeeper.server.config.Cidr;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers we believe, as 128-bit network/mask pairs (IPv4
 * blocks mapped into {@code ::ffff:0:0/96}) so a check is a few ANDs and allocates nothing.
 *
 * <p>Threat model: X-Forwarded-For and X-Real-IP are plain text any client can send. Believed from
 * anyone, they would let a client register a victim's address in a swarm (and so point other
 * peers' connections at it). So they count only when the TCP peer is a configured proxy.
 */
final class TrustedProxies {
    private final long[] networkHigh;
    private final long[] networkLow;
    private final long[] maskHigh;
    private final long[] maskLow;

    TrustedProxies(List<String> cidrs) {
        int n = cidrs.size();
        networkHigh = new long[n];
        networkLow = new long[n];
        maskHigh = new long[n];
        maskLow = new long[n];
        for (int i = 0; i < n; i++) {
            Cidr cidr = Cidr.parse(cidrs.get(i));
            byte[] raw = cidr.network();
            int prefix = cidr.prefixLength();
            ByteBuffer mapped = ByteBuffer.allocate(16);
            if (raw.length == 4) {
                mapped.putLong(0).putInt(0xFFFF).put(raw);
                prefix += 96;
            } else {
                mapped.put(raw);
            }
            mapped.flip();
            maskHigh[i] = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
            maskLow[i] = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
            networkHigh[i] = mapped.getLong() & maskHigh[i];
            networkLow[i] = mapped.getLong() & maskLow[i];
        }
    }

    boolean contains(ClientAddress address) {
        long high = address.mappedHigh();
        long low = address.mappedLow();
        for (int i = 0; i < networkHigh.length; i++) {
            if ((high & maskHigh[i]) == networkHigh[i] && (low & maskLow[i]) == networkLow[i]) {
                return true;
            }
        }
        return false;
    }
}
