package io.swarmkeeper.server.http;

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
    private final long[] ipv6 = new long[2];
    private final ClientAddress candidate = new ClientAddress();

    ForwardedAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * Sets {@code client} to the forwarded address if the headers name one; leaves it alone otherwise.
     * Call only when the connection comes from a trusted proxy.
     */
    void resolve(byte[] a, RequestHead head, ClientAddress client) {
        if (head.forwardedForFrom != RequestHead.ABSENT) {
            int to = head.forwardedForTo;
            boolean found = false;
            while (to > head.forwardedForFrom) {
                int from = to;
                while (from > head.forwardedForFrom && a[from - 1] != ',') {
                    from--;
                }
                if (!parse(a, from, to, candidate)) {
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
        if (head.realIpFrom != RequestHead.ABSENT && parse(a, head.realIpFrom, head.realIpTo, candidate)) {
            client.copyFrom(candidate);
        }
    }

    private boolean parse(byte[] a, int from, int to, ClientAddress into) {
        while (from < to && a[from] == ' ') {
            from++;
        }
        while (to > from && a[to - 1] == ' ') {
            to--;
        }
        if (to == from || to - from > MAX_ENTRY) {
            return false;
        }
        long v4 = IpText.parseIpv4(a, from, to);
        if (v4 != IpText.NOT_IPV4) {
            into.setIpv4((int) v4);
            return true;
        }
        int start = from;
        int end = to;
        if (a[from] == '[') {
            start = from + 1;
            end = start;
            while (end < to && a[end] != ']') {
                end++;
            }
        }
        if (IpText.parseIpv6(a, start, end, ipv6)) {
            into.setIpv6(ipv6[0], ipv6[1]);
            return true;
        }
        return false;
    }
}
