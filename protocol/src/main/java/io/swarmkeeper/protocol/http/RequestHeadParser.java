package io.swarmkeeper.protocol.http;

/**
 * Parses an HTTP/1.0 or 1.1 request head in place, allocating nothing: the request line, and of
 * the headers only those the tracker acts on. Bodies are refused (a GET has none, and ignoring a
 * declared body would let a client smuggle a second request past a proxy).
 *
 * <pre>
 * GET SP /path[?query] SP HTTP/1.x CRLF
 * (name ":" OWS value OWS CRLF)*      Connection, X-Forwarded-For, X-Real-IP, Content-Length, Transfer-Encoding
 * CRLF
 * </pre>
 *
 * Bare LF line ends are accepted as RFC 9112 allows. The whole head is re-scanned when more
 * bytes arrive; the limits bound that work.
 */
public final class RequestHeadParser {
    public static final int COMPLETE = 1;
    public static final int NEED_MORE = 0;
    public static final int FAILED = -1;

    /** Longest method we wait for before calling the bytes garbage. */
    private static final int MAX_METHOD = 16;
    private static final byte[] GET = HeadBytes.ascii("GET ");
    private static final byte[] HTTP_1_ = HeadBytes.ascii("HTTP/1.");
    private static final byte[] CONNECTION = HeadBytes.ascii("connection");
    private static final byte[] X_FORWARDED_FOR = HeadBytes.ascii("x-forwarded-for");
    private static final byte[] X_REAL_IP = HeadBytes.ascii("x-real-ip");
    private static final byte[] CONTENT_LENGTH = HeadBytes.ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = HeadBytes.ascii("transfer-encoding");
    private static final byte[] CLOSE = HeadBytes.ascii("close");
    private static final byte[] KEEP_ALIVE = HeadBytes.ascii("keep-alive");

    private final int maxRequestLine;
    private final int maxHeaders;

    /**
     * @param maxRequestLine bytes allowed in the request line, without its line end
     * @param maxHeaders bytes allowed in the header lines together, line ends and blank line included
     */
    public RequestHeadParser(int maxRequestLine, int maxHeaders) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaders = maxHeaders;
    }

    /**
     * The most bytes from a head's start that {@link #parse} reads: with that many it has either
     * found the head's end or refused it as too large.
     */
    public static int maxHead(int maxRequestLine, int maxHeaders) {
        return maxRequestLine + 2 + maxHeaders;
    }

    /**
     * Parses the head in {@code a[start, limit)}, the bytes received so far; the offsets it
     * records in {@code head} index {@code a}.
     *
     * @return {@link #COMPLETE} ({@code head} filled, {@code head.length} bytes used),
     *     {@link #NEED_MORE}, or {@link #FAILED} ({@code head.failure} says why)
     */
    public int parse(byte[] a, int start, int limit, RequestHead head) {
        head.clear();
        int method = checkMethod(a, start, limit);
        if (method != COMPLETE) {
            return method == FAILED ? fail(head, methodFailure(a, start, limit)) : NEED_MORE;
        }
        int lineEnd = indexOfLf(a, start, Math.min(limit, start + maxRequestLine + 2));
        if (lineEnd < 0) {
            return limit - start >= maxRequestLine + 2 ? fail(head, HttpFailure.REQUEST_LINE_TOO_LONG) : NEED_MORE;
        }
        int lineTo = trimCr(a, start, lineEnd);
        if (lineTo - start > maxRequestLine) {
            return fail(head, HttpFailure.REQUEST_LINE_TOO_LONG);
        }
        if (!requestLine(a, start + GET.length, lineTo, head)) {
            return fail(head, HttpFailure.MALFORMED_REQUEST);
        }
        head.keepAlive = head.http11;
        int headersFrom = lineEnd + 1;
        int headersLimit = Math.min(limit, headersFrom + maxHeaders);
        int pos = headersFrom;
        while (true) {
            int lf = indexOfLf(a, pos, headersLimit);
            if (lf < 0) {
                return limit - headersFrom >= maxHeaders ? fail(head, HttpFailure.HEADERS_TOO_LARGE) : NEED_MORE;
            }
            int to = trimCr(a, pos, lf);
            if (to == pos) {
                head.length = lf + 1 - start;
                return COMPLETE;
            }
            HttpFailure failure = header(a, pos, to, head);
            if (failure != null) {
                return fail(head, failure);
            }
            pos = lf + 1;
        }
    }

    /** COMPLETE if the input starts with "GET ", NEED_MORE if it still might, FAILED if not. */
    private static int checkMethod(byte[] a, int start, int limit) {
        int n = Math.min(GET.length, limit - start);
        for (int i = 0; i < n; i++) {
            if (a[start + i] != GET[i]) {
                return FAILED;
            }
        }
        return n == GET.length ? COMPLETE : NEED_MORE;
    }

    /** Another well-formed method gets 405; anything else is not HTTP. */
    private static HttpFailure methodFailure(byte[] a, int start, int limit) {
        int end = Math.min(limit, start + MAX_METHOD);
        for (int i = start; i < end; i++) {
            byte b = a[i];
            if (b == ' ') {
                return i > start ? HttpFailure.METHOD_NOT_ALLOWED : HttpFailure.MALFORMED_REQUEST;
            }
            if (b < 'A' || b > 'Z') {
                return HttpFailure.MALFORMED_REQUEST;
            }
        }
        // Too early to tell a slow "DELETE " from garbage: call it a bad method, a client that
        // sends only capitals before the space is sending some method.
        return HttpFailure.METHOD_NOT_ALLOWED;
    }

    private static boolean requestLine(byte[] a, int from, int to, RequestHead head) {
        if (from >= to || a[from] != '/') {
            return false;
        }
        int pathEnd = -1;
        int targetEnd = from;
        while (targetEnd < to) {
            byte b = a[targetEnd];
            if (b == ' ') {
                break;
            }
            if (b < 0x21 || b == 0x7F) {
                return false;
            }
            if (b == '?' && pathEnd < 0) {
                pathEnd = targetEnd;
            }
            targetEnd++;
        }
        if (pathEnd < 0) {
            pathEnd = targetEnd;
        }
        head.route = Route.of(a, from, pathEnd);
        head.queryFrom = Math.min(pathEnd + 1, targetEnd);
        head.queryTo = targetEnd;
        int version = targetEnd + 1;
        if (to - version != HTTP_1_.length + 1 || !HeadBytes.equals(a, version, HTTP_1_)) {
            return false;
        }
        byte minor = a[version + HTTP_1_.length];
        if (minor != '0' && minor != '1') {
            return false;
        }
        head.http11 = minor == '1';
        return true;
    }

    private static HttpFailure header(byte[] a, int from, int to, RequestHead head) {
        byte first = a[from];
        if (first == ' ' || first == '\t') {
            return HttpFailure.MALFORMED_REQUEST; // obsolete line folding
        }
        int colon = HeadBytes.indexOf(a, from, to, (byte) ':');
        if (colon <= from || isWhitespace(a[colon - 1])) {
            return HttpFailure.MALFORMED_REQUEST;
        }
        int valueFrom = skipWhitespace(a, colon + 1, to);
        int valueTo = trimWhitespace(a, valueFrom, to);
        if (HeadBytes.equalsIgnoreCase(a, from, colon, CONNECTION)) {
            connection(a, valueFrom, valueTo, head);
        } else if (HeadBytes.equalsIgnoreCase(a, from, colon, X_FORWARDED_FOR)) {
            head.forwardedForFrom = valueFrom;
            head.forwardedForTo = valueTo;
        } else if (HeadBytes.equalsIgnoreCase(a, from, colon, X_REAL_IP)) {
            head.realIpFrom = valueFrom;
            head.realIpTo = valueTo;
        } else if (HeadBytes.equalsIgnoreCase(a, from, colon, CONTENT_LENGTH)) {
            if (valueTo - valueFrom != 1 || a[valueFrom] != '0') {
                return HttpFailure.MALFORMED_REQUEST;
            }
        } else if (HeadBytes.equalsIgnoreCase(a, from, colon, TRANSFER_ENCODING)) {
            return HttpFailure.MALFORMED_REQUEST;
        }
        return null;
    }

    private static void connection(byte[] a, int from, int to, RequestHead head) {
        int tokenFrom = from;
        while (tokenFrom < to) {
            int comma = HeadBytes.indexOf(a, tokenFrom, to, (byte) ',');
            int tokenTo = comma < 0 ? to : comma;
            int first = skipWhitespace(a, tokenFrom, tokenTo);
            int end = trimWhitespace(a, first, tokenTo);
            if (HeadBytes.equalsIgnoreCase(a, first, end, CLOSE)) {
                head.keepAlive = false;
            } else if (HeadBytes.equalsIgnoreCase(a, first, end, KEEP_ALIVE)) {
                head.keepAlive = true;
            }
            tokenFrom = tokenTo + 1;
        }
    }

    private static int fail(RequestHead head, HttpFailure failure) {
        head.failure = failure;
        return FAILED;
    }

    private static int indexOfLf(byte[] a, int from, int to) {
        return from >= to ? -1 : HeadBytes.indexOf(a, from, to, (byte) '\n');
    }

    private static int trimCr(byte[] a, int from, int lf) {
        return lf > from && a[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** The first index in {@code a[from, to)} that is not a space or tab, or {@code to}. */
    private static int skipWhitespace(byte[] a, int from, int to) {
        while (from < to && isWhitespace(a[from])) {
            from++;
        }
        return from;
    }

    /** The end of {@code a[from, to)} without its trailing spaces and tabs. */
    private static int trimWhitespace(byte[] a, int from, int to) {
        while (to > from && isWhitespace(a[to - 1])) {
            to--;
        }
        return to;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }
}
