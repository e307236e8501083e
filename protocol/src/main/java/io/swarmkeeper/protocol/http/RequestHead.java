package io.swarmkeeper.protocol.http;

/**
 * A parsed request head, as offsets into the array it was parsed from (valid while that array
 * holds the request). One instance per event loop, reused.
 */
public final class RequestHead {
    /** An offset meaning the header was not sent. */
    public static final int ABSENT = -1;

    public Route route;
    public boolean http11;
    public boolean keepAlive;
    /** Query string without the {@code ?}; empty ({@code queryFrom == queryTo}) if none. */
    public int queryFrom;
    public int queryTo;
    /** Value of the last X-Forwarded-For header, or {@link #ABSENT}. */
    public int forwardedForFrom;
    public int forwardedForTo;
    /** Value of the X-Real-IP header, or {@link #ABSENT}. */
    public int realIpFrom;
    public int realIpTo;
    /** Bytes of the whole head including its blank line, from where parsing started. */
    public int length;
    /** Set when the parser answered {@link RequestHeadParser#FAILED}. */
    public HttpFailure failure;

    public void clear() {
        route = Route.UNKNOWN;
        http11 = false;
        keepAlive = false;
        queryFrom = queryTo = 0;
        forwardedForFrom = forwardedForTo = ABSENT;
        realIpFrom = realIpTo = ABSENT;
        length = 0;
        failure = null;
    }

    public boolean hasQuery() {
        return queryTo > queryFrom;
    }
}
