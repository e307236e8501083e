package io.swarmkeeper.protocol.http;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.InfoHash;

/**
 * Parses a BEP 3 announce query string into a reused {@link AnnounceRequest}, allocating nothing.
 *
 * <p>Required: {@code info_hash} and {@code peer_id} (20 bytes each after percent-decoding),
 * {@code port} (1..65535) and {@code left} (it decides seeder or leecher). Optional:
 * {@code uploaded}, {@code downloaded}, {@code event}, {@code numwant}, {@code compact},
 * {@code no_peer_id}, {@code key}. {@code ip}, {@code ipv4}, {@code ipv6} (BEP 7) are recorded as
 * claimed and left for the transport to use or not; one that does not parse is ignored, since a
 * claim is advisory. Unknown keys (and {@code trackerid}, which we never issue) are skipped without
 * even decoding their values. A repeated key counts with its last value.
 */
public final class AnnounceQueryParser {
    /** Longest decoded value we read; the longest meaningful one is a bracketed IPv6 with port. */
    static final int MAX_VALUE = 64;

    private static final int UNKNOWN = -1;
    private static final int K_INFO_HASH = 0;
    private static final int K_PEER_ID = 1;
    private static final int K_PORT = 2;
    private static final int K_UPLOADED = 3;
    private static final int K_DOWNLOADED = 4;
    private static final int K_LEFT = 5;
    private static final int K_EVENT = 6;
    private static final int K_NUMWANT = 7;
    private static final int K_COMPACT = 8;
    private static final int K_NO_PEER_ID = 9;
    private static final int K_KEY = 10;
    private static final int K_IP = 11;
    private static final int K_IPV4 = 12;
    private static final int K_IPV6 = 13;
    /** Known keys, indexed by the K_ constants. */
    private static final byte[][] KEYS = {
        HeadBytes.ascii("info_hash"), HeadBytes.ascii("peer_id"), HeadBytes.ascii("port"),
        HeadBytes.ascii("uploaded"), HeadBytes.ascii("downloaded"), HeadBytes.ascii("left"),
        HeadBytes.ascii("event"), HeadBytes.ascii("numwant"), HeadBytes.ascii("compact"),
        HeadBytes.ascii("no_peer_id"), HeadBytes.ascii("key"), HeadBytes.ascii("ip"),
        HeadBytes.ascii("ipv4"), HeadBytes.ascii("ipv6"),
    };
    private static final byte[] STARTED = HeadBytes.ascii("started");
    private static final byte[] STOPPED = HeadBytes.ascii("stopped");
    private static final byte[] COMPLETED = HeadBytes.ascii("completed");
    private static final byte[] PAUSED = HeadBytes.ascii("paused");

    private final QueryCursor cursor = new QueryCursor();
    private final byte[] value = new byte[MAX_VALUE];
    private final long[] ipv6 = new long[2];

    /**
     * @param a the request's bytes; the query is {@code a[from, to)}
     * @return {@code null} when {@code request} holds a valid announce, else why not
     */
    public HttpFailure parse(byte[] a, int from, int to, AnnounceRequest request) {
        request.clear();
        boolean infoHash = false;
        boolean peerId = false;
        boolean port = false;
        boolean left = false;
        cursor.reset(a, from, to);
        while (cursor.next()) {
            int key = key();
            if (key == UNKNOWN) {
                continue; // not decoded at all: whatever a client adds must not fail its announce
            }
            int n = cursor.decodeValue(value);
            if (n == QueryCursor.BAD_ENCODING) {
                return HttpFailure.BAD_PERCENT_ENCODING;
            }
            if (n == QueryCursor.TOO_LONG) {
                switch (key) {
                    case K_INFO_HASH:
                        return HttpFailure.INVALID_INFO_HASH;
                    case K_PEER_ID:
                        return HttpFailure.INVALID_PEER_ID;
                    case K_IP, K_IPV4, K_IPV6:
                        continue; // a host name, say: a claim we cannot use anyway
                    default:
                        return HttpFailure.VALUE_TOO_LONG;
                }
            }
            switch (key) {
                case K_INFO_HASH -> {
                    if (n != InfoHash.LENGTH) {
                        return HttpFailure.INVALID_INFO_HASH;
                    }
                    request.infoHashHigh = InfoHash.high(value, 0);
                    request.infoHashMiddle = InfoHash.middle(value, 0);
                    request.infoHashLow = InfoHash.low(value, 0);
                    infoHash = true;
                }
                case K_PEER_ID -> {
                    if (n != AnnounceRequest.PEER_ID_LENGTH) {
                        return HttpFailure.INVALID_PEER_ID;
                    }
                    System.arraycopy(value, 0, request.peerId, 0, n);
                    peerId = true;
                }
                case K_PORT -> {
                    long p = Decimal.parse(value, 0, n);
                    if (p < 1 || p > 65535) {
                        return HttpFailure.INVALID_PORT;
                    }
                    request.port = (int) p;
                    port = true;
                }
                case K_UPLOADED -> {
                    request.uploaded = Decimal.parse(value, 0, n);
                    if (request.uploaded < 0) {
                        return HttpFailure.INVALID_NUMBER;
                    }
                }
                case K_DOWNLOADED -> {
                    request.downloaded = Decimal.parse(value, 0, n);
                    if (request.downloaded < 0) {
                        return HttpFailure.INVALID_NUMBER;
                    }
                }
                case K_LEFT -> {
                    request.left = Decimal.parse(value, 0, n);
                    if (request.left < 0) {
                        return HttpFailure.INVALID_NUMBER;
                    }
                    left = true;
                }
                case K_EVENT -> {
                    int event = event(n);
                    if (event < 0) {
                        return HttpFailure.INVALID_EVENT;
                    }
                    request.event = event;
                }
                case K_NUMWANT -> {
                    HttpFailure failure = numwant(n, request);
                    if (failure != null) {
                        return failure;
                    }
                }
                case K_COMPACT -> request.compact = !(n == 1 && value[0] == '0');
                case K_NO_PEER_ID -> request.noPeerId = n == 1 && value[0] == '1';
                case K_KEY -> {
                    request.key = keyValue(n);
                    request.hasKey = true;
                }
                case K_IP -> {
                    claimIpv4(request, n);
                    claimIpv6(request, n);
                }
                case K_IPV4 -> claimIpv4(request, n);
                case K_IPV6 -> claimIpv6(request, n);
                default -> throw new IllegalStateException("unhandled key " + key);
            }
        }
        if (!infoHash) {
            return HttpFailure.MISSING_INFO_HASH;
        }
        if (!peerId) {
            return HttpFailure.MISSING_PEER_ID;
        }
        if (!port) {
            return HttpFailure.MISSING_PORT;
        }
        return left ? null : HttpFailure.MISSING_LEFT;
    }

    /**
     * Which known key the cursor is at, or {@link #UNKNOWN}; the index into {@link #KEYS}. Its
     * length, and where lengths are shared a byte, name the one candidate, which is then compared
     * whole: a pass over all fourteen names cost more than the rest of the walk (JMH,
     * {@code HttpAnnounceParseBenchmark}).
     */
    private int key() {
        int candidate = switch (cursor.keyTo - cursor.keyFrom) {
            case 2 -> K_IP;
            case 3 -> K_KEY;
            case 4 -> switch (cursor.keyByte(0)) {
                case 'p' -> K_PORT;
                case 'l' -> K_LEFT;
                default -> cursor.keyByte(3) == '4' ? K_IPV4 : K_IPV6;
            };
            case 5 -> K_EVENT;
            case 7 -> switch (cursor.keyByte(0)) {
                case 'p' -> K_PEER_ID;
                case 'n' -> K_NUMWANT;
                default -> K_COMPACT;
            };
            case 8 -> K_UPLOADED;
            case 9 -> K_INFO_HASH;
            case 10 -> cursor.keyByte(0) == 'd' ? K_DOWNLOADED : K_NO_PEER_ID;
            default -> UNKNOWN;
        };
        return candidate != UNKNOWN && cursor.keyIs(KEYS[candidate]) ? candidate : UNKNOWN;
    }

    private int event(int n) {
        if (n == 0) {
            return AnnounceEvent.NONE;
        }
        if (is(n, STARTED)) {
            return AnnounceEvent.STARTED;
        }
        if (is(n, STOPPED)) {
            return AnnounceEvent.STOPPED;
        }
        if (is(n, COMPLETED)) {
            return AnnounceEvent.COMPLETED;
        }
        if (is(n, PAUSED)) {
            return AnnounceEvent.PAUSED;
        }
        return -1;
    }

    /** Negative numwant (some clients send -1) means "your default"; huge values are capped later. */
    private HttpFailure numwant(int n, AnnounceRequest request) {
        boolean negative = n > 1 && value[0] == '-';
        long v = negative ? Decimal.parse(value, 1, n) : Decimal.parse(value, 0, n);
        if (v < 0) {
            return HttpFailure.INVALID_NUMWANT;
        }
        request.numwant = negative ? AnnounceRequest.NUMWANT_DEFAULT : (int) Math.min(v, Integer.MAX_VALUE);
        return null;
    }

    /**
     * BEP 3's key is an opaque string that clients make of up to 8 hex digits; read those as the
     * number they spell, so the same client gets the same key over UDP (where it is a u32), and
     * fold anything else with a simple hash.
     */
    private int keyValue(int n) {
        int hex = 0;
        boolean allHex = n > 0 && n <= 8;
        int hash = 0;
        for (int i = 0; i < n; i++) {
            int d = Character.digit(value[i], 16);
            allHex &= d >= 0;
            hex = hex << 4 | (d & 0xF);
            hash = 31 * hash + value[i];
        }
        return allHex ? hex : hash;
    }

    private void claimIpv4(AnnounceRequest request, int n) {
        int end = n;
        for (int i = 0; i < n; i++) {
            if (value[i] == ':') {
                end = i; // drop a ":port" suffix
                break;
            }
        }
        long v4 = IpText.parseIpv4(value, 0, end);
        if (v4 != IpText.NOT_IPV4) {
            request.claimedIpv4Present = true;
            request.claimedIpv4 = (int) v4;
        }
    }

    private void claimIpv6(AnnounceRequest request, int n) {
        int from = 0;
        int to = n;
        if (n > 0 && value[0] == '[') {
            // BEP 7 allows "[address]:port".
            from = 1;
            to = 1;
            while (to < n && value[to] != ']') {
                to++;
            }
        }
        if (IpText.parseIpv6(value, from, to, ipv6)) {
            request.claimedIpv6Present = true;
            request.claimedIpv6High = ipv6[0];
            request.claimedIpv6Low = ipv6[1];
        }
    }

    private boolean is(int n, byte[] word) {
        if (n != word.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (value[i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
