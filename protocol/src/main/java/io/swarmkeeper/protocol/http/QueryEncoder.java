package io.swarmkeeper.protocol.http;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.InfoHash;

/**
 * Builds announce and scrape query strings the way BitTorrent clients do, for the monitor, the
 * load generator and tests: the other direction of {@link AnnounceQueryParser}. Allocates; not
 * for the server.
 */
public final class QueryEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoder() {}

    /** The query (without {@code ?}) for an announce; {@code ip}/{@code ipv4}/{@code ipv6} from the claimed fields. */
    public static String announce(AnnounceRequest r) {
        StringBuilder q = new StringBuilder(256);
        q.append("info_hash=");
        percentEncode(q, InfoHash.toBytes(r.infoHashHigh, r.infoHashMiddle, r.infoHashLow));
        q.append("&peer_id=");
        percentEncode(q, r.peerId);
        q.append("&port=").append(r.port);
        q.append("&uploaded=").append(r.uploaded);
        q.append("&downloaded=").append(r.downloaded);
        q.append("&left=").append(r.left);
        q.append("&compact=").append(r.compact ? 1 : 0);
        if (r.noPeerId) {
            q.append("&no_peer_id=1");
        }
        if (r.event != AnnounceEvent.NONE) {
            q.append("&event=").append(AnnounceEvent.name(r.event));
        }
        if (r.numwant != AnnounceRequest.NUMWANT_DEFAULT) {
            q.append("&numwant=").append(r.numwant);
        }
        if (r.hasKey) {
            q.append("&key=").append(String.format("%08X", r.key));
        }
        if (r.claimedIpv4Present) {
            q.append("&ipv4=").append(ipv4(r.claimedIpv4));
        }
        if (r.claimedIpv6Present) {
            q.append("&ipv6=").append(ipv6(r.claimedIpv6High, r.claimedIpv6Low));
        }
        return q.toString();
    }

    /** The query for a scrape of the given 20-byte info-hashes. */
    public static String scrape(byte[]... infoHashes) {
        StringBuilder q = new StringBuilder(infoHashes.length * 72);
        for (byte[] hash : infoHashes) {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append("info_hash=");
            percentEncode(q, hash);
        }
        return q.toString();
    }

    /** Leaves RFC 3986 unreserved characters as they are and escapes every other byte as {@code %XX}. */
    public static void percentEncode(StringBuilder q, byte[] bytes) {
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                q.append(c);
            } else {
                q.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    private static String ipv4(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }

    private static String ipv6(long high, long low) {
        StringBuilder s = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            long word = g < 4 ? high : low;
            if (g > 0) {
                s.append(':');
            }
            s.append(Integer.toHexString((int) (word >>> (48 - 16 * (g & 3)) & 0xFFFF)));
        }
        return s.toString();
    }
}
