package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.http.IpText;
import io.swarmkeeper.protocol.http.RequestHead;

/**
 * Finds the client behind trusted proxies. X-Forwarded-For lists each hop's idea of its client,
 * appending on the right; only the entries our own proxies appended are trustworthy, so we walk
 * from the right past trusted proxies and take the first address that is not one. An entry that
 * does not parse ends the walk: what lies left of it is the client's to forge. Without
 * X-Forwarded-For, X-Real-IP (one address set by the proxy) is used.
 */
final class ForwardedAddress {
    /** Longest entry we read: IPv6 text in brackets with a port. */
    private static final int MAX_ENTRY = 64;

    private final TrustedProxies proxies;
    private final byte[] scratch = new byte[MAX_ENTRY];
    private final long[] ipv6 = new long[2];
    private final ClientAddress candidate = new ClientAddress();

    ForwardedAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * Sets {@code client} to the forwarded address if the headers name one; leaves it alone otherwise.
     * Call only when the connection comes from a trusted proxy.
     */
    void resolve(ByteBuf buf, RequestHead head, ClientAddress client) {
        if (head.forwardedForFrom != RequestHead.ABSENT) {
            int to = head.forwardedForTo;
            boolean found = false;
            while (to > head.forwardedForFrom) {
                int from = to;
                while (from > head.forwardedForFrom && buf.getByte(from - 1) != ',') {
                    from--;
                }
                if (!parse(buf, from, to, candidate)) {
                    break;
                }
                client.copyFrom(candidate);
                found = true;
                if (!proxies.contains(candidate)) {
                    return;
                }
                to = from - 1;
            }
            if (found) {
                return; // every entry was a proxy of ours: the left-most is as far back as we can see
            }
        }
        if (head.realIpFrom != RequestHead.ABSENT && parse(buf, head.realIpFrom, head.realIpTo, candidate)) {
            client.copyFrom(candidate);
        }
    }

    private boolean parse(ByteBuf buf, int from, int to, ClientAddress into) {
        while (from < to && buf.getByte(from) == ' ') {
            from++;
        }
        while (to > from && buf.getByte(to - 1) == ' ') {
            to--;
        }
        int n = to - from;
        if (n == 0 || n > MAX_ENTRY) {
            return false;
        }
        buf.getBytes(from, scratch, 0, n);
        long v4 = IpText.parseIpv4(scratch, 0, n);
        if (v4 != IpText.NOT_IPV4) {
            into.setIpv4((int) v4);
            return true;
        }
        int start = 0;
        int end = n;
        if (scratch[0] == '[') {
            start = 1;
            end = 1;
            while (end < n && scratch[end] != ']') {
                end++;
            }
        }
        if (IpText.parseIpv6(scratch, start, end, ipv6)) {
            into.setIpv6(ipv6[0], ipv6[1]);
            return true;
        }
        return false;
    }
}
